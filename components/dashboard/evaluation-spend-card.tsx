"use client";

// This month's evaluation spend (challenger and judge calls), apart from the traffic spend it is
// not part of: against the tenant's evaluation budget, with outcomes by status and the spend per
// category. Tenant-wide and month-to-date, so the dashboard's filters do not apply to it.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Card } from "@/components/ui/page-header";
import { QueryState } from "@/components/ui/states";
import { formatNumber, formatUsd } from "@/components/ui/format";
import type { EvaluationSpend } from "@/server/analytics/get-evaluation-spend";
import { formatShare } from "./chart-format";

const STATUS_LABELS: [keyof EvaluationSpend["byStatus"], string][] = [
  ["ok", "Judged"],
  ["challenger_failed", "Challenger failed"],
  ["judge_failed", "Judge failed"],
  ["over_budget", "Skipped, over budget"],
];

function BudgetMeter({ spend }: { spend: EvaluationSpend }) {
  if (spend.budgetUsd === null) {
    return <p className="text-sm text-slate-600">No evaluation budget is set, so no evaluations run. Admins set one in Settings.</p>;
  }
  const used = spend.usedShare ?? 0;
  return (
    <div>
      <p className="text-sm tabular-nums text-slate-700"><span className="text-2xl font-semibold">{formatUsd(spend.spentUsd)}</span> of {formatUsd(spend.budgetUsd)} ({formatShare(spend.usedShare)})</p>
      <div className="mt-1 h-2 rounded bg-slate-100" role="meter" aria-label="Evaluation budget used" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(used * 100)}>
        <div className={`h-2 rounded ${used >= 1 ? "bg-red-500" : "bg-indigo-500"}`} style={{ width: `${Math.min(100, used * 100)}%` }} />
      </div>
    </div>
  );
}

export function EvaluationSpendBody({ spend }: { spend: EvaluationSpend }) {
  return (
    <div className="space-y-4" data-testid="evaluation-spend">
      <BudgetMeter spend={spend} />
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {STATUS_LABELS.map(([status, label]) => (
          <div key={status}><dt className="text-slate-500">{label}</dt><dd className="tabular-nums">{formatNumber(spend.byStatus[status])}</dd></div>
        ))}
      </dl>
      {spend.byCategory.length > 0 && (
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500"><tr><th className="py-1 font-medium">Category</th><th className="py-1 text-right font-medium">Evaluations</th><th className="py-1 text-right font-medium">Spend</th><th className="py-1 text-right font-medium">Served answer won</th></tr></thead>
          <tbody>
            {spend.byCategory.map((c) => (
              <tr key={c.key} className="border-t border-slate-100">
                <td className="py-1">{c.key}</td>
                <td className="py-1 text-right tabular-nums">{formatNumber(c.count)}</td>
                <td className="py-1 text-right tabular-nums">{formatUsd(c.costUsd)}</td>
                <td className="py-1 text-right tabular-nums">{c.servedWinRate === null ? "—" : formatShare(c.servedWinRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function EvaluationSpendCard() {
  const trpc = useTRPC();
  const spend = useQuery(trpc.dashboard.evaluationSpend.queryOptions());
  return (
    <Card title="Evaluation spend this month">
      <p className="mb-3 text-xs text-slate-500">Challenger and judge calls that grade routed answers, paid from the evaluation budget and not part of the traffic spend above. UTC month, all of the organisation.</p>
      <QueryState query={spend}>{(s) => <EvaluationSpendBody spend={s} />}</QueryState>
    </Card>
  );
}
