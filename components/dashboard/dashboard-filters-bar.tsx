"use client";

// Range and dimension filters of the dashboard. Choices come from the same options as the
// request logs' filters.
import { DimensionSelects, type Dimension } from "@/components/filters/dimension-selects";
import { SelectField, TextField } from "@/components/ui/field";
import type { DashboardFilters, DashboardRange } from "@/server/analytics/dashboard-filters";

const DIMENSION_ORDER: Dimension[] = ["teamId", "apiKeyId", "category", "model", "policyId"];
const RANGE_LABELS: Record<DashboardRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom range" };
const toInput = (d: Date | null) => (d ? d.toISOString().slice(0, 16) : "");
const fromInput = (v: string) => (v ? new Date(`${v}:00Z`) : null);

export function rangeTitle(filters: DashboardFilters): string {
  if (filters.range !== "custom" || !filters.from || !filters.to) return RANGE_LABELS[filters.range];
  return `${toInput(filters.from).replace("T", " ")} to ${toInput(filters.to).replace("T", " ")} UTC`;
}

export function DashboardFiltersBar({ filters, onChange }: { filters: DashboardFilters; onChange: (filters: DashboardFilters) => void }) {
  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) => onChange({ ...filters, [key]: value });
  const setRange = (range: DashboardRange) => {
    if (range !== "custom") return onChange({ ...filters, range, from: null, to: null });
    // A custom range starts as the last 7 days, to be edited.
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    onChange({ ...filters, range, from: new Date(to.getTime() - 7 * 86_400_000), to });
  };
  const setCustom = (key: "from" | "to", value: Date | null) => {
    const next = { ...filters, [key]: value };
    if (next.from && next.to && next.from < next.to) onChange(next);
  };
  return (
    <form role="search" aria-label="Filter the dashboard" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Time range" value={filters.range} onChange={(e) => setRange(e.target.value as DashboardRange)}>
        {Object.entries(RANGE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </SelectField>
      <DimensionSelects order={DIMENSION_ORDER} filters={filters} onChange={set} />
      {filters.range === "custom" && (
        <>
          <TextField label="From (UTC)" type="datetime-local" value={toInput(filters.from)} onChange={(e) => setCustom("from", fromInput(e.target.value))} />
          <TextField label="To (UTC)" type="datetime-local" value={toInput(filters.to)} onChange={(e) => setCustom("to", fromInput(e.target.value))} />
        </>
      )}
    </form>
  );
}
