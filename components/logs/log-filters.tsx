"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { SelectField, TextField } from "@/components/ui/field";
import type { LogFilters } from "@/server/console/schemas/logs";

const toInput = (d: Date | null) => (d ? new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : "");
const fromInput = (v: string) => (v ? new Date(v) : null);

export function LogFiltersBar({ filters, onChange }: { filters: LogFilters; onChange: (filters: LogFilters) => void }) {
  const trpc = useTRPC();
  // Refetched on every visit: a key or team created meanwhile must be selectable here.
  const options = useQuery({ ...trpc.logs.filterOptions.queryOptions(), staleTime: 0 });
  const set = <K extends keyof LogFilters>(key: K, value: LogFilters[K]) => onChange({ ...filters, [key]: value });
  const o = options.data;
  return (
    <form role="search" aria-label="Filter requests" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
      <TextField label="From" type="datetime-local" value={toInput(filters.from)} onChange={(e) => set("from", fromInput(e.target.value))} />
      <TextField label="To" type="datetime-local" value={toInput(filters.to)} onChange={(e) => set("to", fromInput(e.target.value))} />
      <SelectField label="Key" value={filters.apiKeyId ?? ""} onChange={(e) => set("apiKeyId", e.target.value || null)}>
        <option value="">All keys</option>
        {o?.keys.map((k) => <option key={k.id} value={k.id}>{k.name} ({k.prefix})</option>)}
      </SelectField>
      <SelectField label="Team" value={filters.teamId ?? ""} onChange={(e) => set("teamId", e.target.value || null)}>
        <option value="">All teams</option>
        {o?.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </SelectField>
      <SelectField label="Policy" value={filters.policyId ?? ""} onChange={(e) => set("policyId", e.target.value || null)}>
        <option value="">All policies</option>
        {o?.policies.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </SelectField>
      <SelectField label="Category" value={filters.category ?? ""} onChange={(e) => set("category", e.target.value || null)}>
        <option value="">All categories</option>
        {o?.categories.map((c) => <option key={c} value={c}>{c}</option>)}
      </SelectField>
      <SelectField label="Model" value={filters.model ?? ""} onChange={(e) => set("model", e.target.value || null)}>
        <option value="">All models</option>
        {o?.models.map((m) => <option key={m} value={m}>{m}</option>)}
      </SelectField>
      <SelectField label="Status" value={filters.status} onChange={(e) => set("status", e.target.value as LogFilters["status"])}>
        <option value="any">Any status</option><option value="success">Success</option><option value="error">Error</option>
      </SelectField>
      <SelectField label="Cache" value={filters.cache} onChange={(e) => set("cache", e.target.value as LogFilters["cache"])}>
        <option value="any">Hits and misses</option><option value="hit">Cache hits</option><option value="miss">Cache misses</option>
      </SelectField>
    </form>
  );
}
