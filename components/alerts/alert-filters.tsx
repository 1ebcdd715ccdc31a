"use client";

import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES, type AlertFilters } from "@/server/console/schemas/alerts";

const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

function Choice<T extends string>({ label, value, options, onChange }: { label: string; value: T | null; options: readonly T[]; onChange: (v: T | null) => void }) {
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      {label}
      <select className={select} value={value ?? ""} onChange={(e) => onChange(e.target.value === "" ? null : (e.target.value as T))}>
        <option value="">Any</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </label>
  );
}

export function AlertFiltersBar({ filters, onChange }: { filters: AlertFilters; onChange: (f: AlertFilters) => void }) {
  return (
    <div className="flex flex-wrap gap-4">
      <Choice label="Status" value={filters.status} options={ALERT_STATUSES} onChange={(status) => onChange({ ...filters, status })} />
      <Choice label="Severity" value={filters.severity} options={ALERT_SEVERITIES} onChange={(severity) => onChange({ ...filters, severity })} />
      <Choice label="Kind" value={filters.kind} options={ALERT_KINDS} onChange={(kind) => onChange({ ...filters, kind })} />
    </div>
  );
}
