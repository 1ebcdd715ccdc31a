"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { NO_AUDIT_FILTERS, type AuditFilters } from "@/server/console/schemas/audit";

/** yyyy-mm-dd in the browser's time zone, as a date input shows it. */
function dayOf(date: Date | null): string {
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The start of a picked day, or its last millisecond for the end of a range. */
function dayBound(value: string, end: boolean): Date | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00`);
  if (Number.isNaN(date.getTime())) return null;
  if (end) date.setHours(23, 59, 59, 999);
  return date;
}

const words = (code: string) => code.replaceAll(/[._]/g, " ");

export function AuditFiltersBar({ filters, objectLabel, onChange }: { filters: AuditFilters; objectLabel: string | null; onChange: (next: AuditFilters) => void }) {
  const trpc = useTRPC();
  const options = useQuery(trpc.audit.filterOptions.queryOptions()).data;
  const [rangeError, setRangeError] = useState<string | null>(null);

  const setDay = (field: "from" | "to", value: string) => {
    const next = { ...filters, [field]: dayBound(value, field === "to") };
    if (next.from && next.to && next.to < next.from) {
      setRangeError("The end date is before the start date: pick an end on or after the start.");
      return;
    }
    setRangeError(null);
    onChange(next);
  };

  return (
    <div className="mb-4 space-y-2">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField label="Who" value={filters.actor ?? ""} onChange={(e) => onChange({ ...filters, actor: e.target.value || null })}>
          <option value="">Everyone</option>
          {options?.actors.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
        </SelectField>
        <SelectField label="Object type" value={filters.targetType ?? ""} onChange={(e) => onChange({ ...filters, targetType: e.target.value || null, targetId: null })}>
          <option value="">All objects</option>
          {options?.targetTypes.map((t) => <option key={t} value={t}>{words(t)}</option>)}
        </SelectField>
        <SelectField label="Action" value={filters.action ?? ""} onChange={(e) => onChange({ ...filters, action: e.target.value || null })}>
          <option value="">All actions</option>
          {options?.actions.map((a) => <option key={a} value={a}>{words(a)}</option>)}
        </SelectField>
        <TextField label="From" type="date" value={dayOf(filters.from)} max={dayOf(filters.to) || undefined} onChange={(e) => setDay("from", e.target.value)} />
        <TextField label="To" type="date" value={dayOf(filters.to)} min={dayOf(filters.from) || undefined} onChange={(e) => setDay("to", e.target.value)} error={rangeError ?? undefined} />
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {filters.targetId && (
          <span className="inline-flex items-center gap-1 rounded bg-indigo-50 px-2 py-0.5 text-indigo-800">
            Only {objectLabel ?? filters.targetId}
            <Button variant="ghost" className="px-1 py-0 text-xs" aria-label="Show every object" onClick={() => onChange({ ...filters, targetId: null })}>×</Button>
          </span>
        )}
        {JSON.stringify(filters) !== JSON.stringify(NO_AUDIT_FILTERS) && (
          <Button variant="ghost" onClick={() => { setRangeError(null); onChange(NO_AUDIT_FILTERS); }}>Clear filters</Button>
        )}
      </div>
    </div>
  );
}
