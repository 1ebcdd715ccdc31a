"use client";

// Top teams and keys by spend in the range, and month-to-date budget burn.
import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BudgetBurn, OwnerSpend } from "@/server/analytics/build-owner-spend";
import { formatUsd } from "@/components/ui/format";
import { formatShare, formatUsdAxis, AXIS_TEXT, TOOLTIP_STYLE } from "./chart-format";


export function TopSpendersChart({ label, owners, onDrill }: { label: string; owners: OwnerSpend[]; onDrill: (owner: OwnerSpend) => void }) {
  return (
    <figure aria-label={label}>
      <figcaption className="mb-1 text-sm font-medium text-slate-600">{label}</figcaption>
      <ResponsiveContainer width="100%" height={Math.max(120, 36 * owners.length + 40)}>
        <BarChart data={owners} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tick={AXIS_TEXT} tickFormatter={formatUsdAxis} />
          <YAxis type="category" dataKey="name" tick={AXIS_TEXT} width={120} />
          <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => formatUsd(Number(v))} />
          <Bar name="Spend (USD)" dataKey="costUsd" fill="#4f46e5" cursor="pointer" onClick={(item) => onDrill(item.payload as OwnerSpend)} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function BudgetBurnList({ budgets, drillHref }: { budgets: BudgetBurn[]; drillHref: (b: BudgetBurn) => string }) {
  return (
    <ul className="flex flex-col gap-3">
      {budgets.map((b) => {
        const used = b.usedShare ?? 0;
        const over = used > 1;
        const ahead = !over && used > b.monthElapsedShare;
        return (
          <li key={`${b.kind}-${b.id}`} data-testid={`budget-${b.kind}-${b.name}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <Link href={drillHref(b)} className="font-medium text-indigo-700 hover:underline">{b.kind === "team" ? "Team" : "Key"} · {b.name}</Link>
              <span className="tabular-nums text-slate-600">{formatUsd(b.spentUsd)} of {formatUsd(b.budgetUsd)} ({formatShare(b.usedShare)})</span>
            </div>
            <div className="relative mt-1 h-2 rounded bg-slate-100" role="meter" aria-label={`${b.name} budget used`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(used * 100)}>
              <div className={`h-2 rounded ${over ? "bg-red-500" : ahead ? "bg-amber-500" : "bg-indigo-500"}`} style={{ width: `${Math.min(100, used * 100)}%` }} />
              {/* Where spend would be if it were spread evenly over the month. */}
              <div className="absolute top-[-3px] h-3.5 w-0.5 bg-slate-500" style={{ left: `${b.monthElapsedShare * 100}%` }} title="Share of the month elapsed" />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
