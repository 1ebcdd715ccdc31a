"use client";

// Range and dimension filters of the dashboard. Choices come from the same options as the
// request logs' filters. Each change is reported as a patch of the filters it changes.
import { useState } from "react";
import { DimensionSelects, type Dimension } from "@/components/filters/dimension-selects";
import { SelectField, TextField } from "@/components/ui/field";
import type { DashboardFilters, DashboardRange } from "@/server/analytics/dashboard-filters";
import { customRangeProblem, fromDateTimeInput, toDateTimeInput } from "./custom-range";

const DIMENSION_ORDER: Dimension[] = ["teamId", "apiKeyId", "category", "model", "policyId"];
const RANGE_LABELS: Record<DashboardRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", custom: "Custom range" };

export function rangeTitle(filters: DashboardFilters): string {
  if (filters.range !== "custom" || !filters.from || !filters.to) return RANGE_LABELS[filters.range];
  return `${toDateTimeInput(filters.from).replace("T", " ")} to ${toDateTimeInput(filters.to).replace("T", " ")} UTC`;
}

type FiltersChange = (change: Partial<DashboardFilters>) => void;

export function DashboardFiltersBar({ filters, onChange }: { filters: DashboardFilters; onChange: FiltersChange }) {
  const setRange = (range: DashboardRange) => {
    if (range !== "custom") return onChange({ range, from: null, to: null });
    // A custom range starts as the last 7 days, to be edited.
    const to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    onChange({ range, from: new Date(to.getTime() - 7 * 86_400_000), to });
  };
  return (
    <form role="search" aria-label="Filter the dashboard" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-3 lg:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Time range" value={filters.range} onChange={(e) => setRange(e.target.value as DashboardRange)}>
        {Object.entries(RANGE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </SelectField>
      <DimensionSelects order={DIMENSION_ORDER} filters={filters} onChange={(dimension, value) => onChange({ [dimension]: value })} />
      {filters.range === "custom" && <CustomRangeFields from={filters.from} to={filters.to} onChange={onChange} />}
    </form>
  );
}

/**
 * The fields keep what was typed, so that an impossible pair (To before From) stays on screen
 * with a message rather than snapping back; a valid pair is applied at once.
 */
function CustomRangeFields({ from, to, onChange }: { from: Date | null; to: Date | null; onChange: FiltersChange }) {
  const applied = { from: toDateTimeInput(from), to: toDateTimeInput(to) };
  const [draft, setDraft] = useState(applied);
  const [shown, setShown] = useState(applied);
  // The URL changed by other means (back button, preset range): show what it holds.
  if (shown.from !== applied.from || shown.to !== applied.to) {
    setShown(applied);
    setDraft(applied);
  }
  const problem = customRangeProblem(fromDateTimeInput(draft.from), fromDateTimeInput(draft.to));
  const edit = (key: "from" | "to", value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    const range = { from: fromDateTimeInput(next.from), to: fromDateTimeInput(next.to) };
    if (!customRangeProblem(range.from, range.to)) onChange(range);
  };
  return (
    <>
      <TextField label="From (UTC)" type="datetime-local" value={draft.from} onChange={(e) => edit("from", e.target.value)} />
      <TextField label="To (UTC)" type="datetime-local" value={draft.to} error={problem ?? undefined} onChange={(e) => edit("to", e.target.value)} />
    </>
  );
}
