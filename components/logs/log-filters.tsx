"use client";

import { useCallback } from "react";
import { DimensionSelects, type Dimension } from "@/components/filters/dimension-selects";
import { SelectField, TextField } from "@/components/ui/field";
import type { LogFilters } from "@/server/console/schemas/logs";
import { LogSearchField } from "./log-search-field";

const DIMENSION_ORDER: Dimension[] = ["apiKeyId", "teamId", "policyId", "category", "model"];
const toInput = (d: Date | null) => (d ? new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromInput = (v: string) => (v ? new Date(v) : null);

/** `onChange` gets a function of the current filters, so that two quick changes never undo one another. */
export function LogFiltersBar({ filters, onChange }: { filters: LogFilters; onChange: (update: (current: LogFilters) => LogFilters) => void }) {
  const set = useCallback(<K extends keyof LogFilters>(key: K, value: LogFilters[K]) => onChange((current) => ({ ...current, [key]: value })), [onChange]);
  const setSearch = useCallback((search: string | null) => set("search", search), [set]);
  return (
    <form role="search" aria-label="Filter requests" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
      <LogSearchField value={filters.search} onChange={setSearch} />
      <TextField label="From" type="datetime-local" value={toInput(filters.from)} onChange={(e) => set("from", fromInput(e.target.value))} />
      <TextField label="To" type="datetime-local" value={toInput(filters.to)} onChange={(e) => set("to", fromInput(e.target.value))} />
      <DimensionSelects order={DIMENSION_ORDER} filters={filters} onChange={set} />
      <SelectField label="Status" value={filters.status} onChange={(e) => set("status", e.target.value as LogFilters["status"])}>
        <option value="any">Any status</option><option value="success">Success</option><option value="error">Error</option>
      </SelectField>
      <SelectField label="Cache" value={filters.cache} onChange={(e) => set("cache", e.target.value as LogFilters["cache"])}>
        <option value="any">Hits and misses</option><option value="hit">Cache hits</option><option value="miss">Cache misses</option>
      </SelectField>
    </form>
  );
}
