import type { ReactNode } from "react";

export function KpiCard({ label, value, hint, change }: { label: string; value: string; hint?: string; change?: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {change && <p className="mt-1 text-xs">{change}</p>}
      {hint && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
    </div>
  );
}
