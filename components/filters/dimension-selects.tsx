"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Combobox } from "@/components/ui/combobox";
import { SelectField } from "@/components/ui/field";

/** The request dimensions that both the dashboard and the request logs filter by; null means all. */
export type DimensionFilters = { teamId: string | null; apiKeyId: string | null; category: string | null; model: string | null; policyId: string | null };
export type Dimension = keyof DimensionFilters;

const LABELS: Record<Dimension, { label: string; all: string }> = {
  teamId: { label: "Team", all: "All teams" },
  apiKeyId: { label: "Key", all: "All keys" },
  category: { label: "Category", all: "All categories" },
  model: { label: "Model", all: "All models" },
  policyId: { label: "Policy", all: "All policies" },
};

/**
 * One select per dimension, in the order given, each offering "all" and the tenant's choices:
 * searchable for teams, keys, models and policies (an organisation may have hundreds), a plain
 * select for the handful of categories.
 */
export function DimensionSelects({ order, filters, onChange }: {
  order: readonly Dimension[];
  filters: DimensionFilters;
  onChange: (dimension: Dimension, value: string | null) => void;
}) {
  const trpc = useTRPC();
  // Refetched on every visit: a key or team created meanwhile must be selectable here.
  const options = useQuery({ ...trpc.logs.filterOptions.queryOptions(), staleTime: 0 }).data;
  const choices: Record<Dimension, Array<{ value: string; label: string }> | undefined> = {
    teamId: options?.teams.map((t) => ({ value: t.id, label: t.name })),
    apiKeyId: options?.keys.map((k) => ({ value: k.id, label: `${k.name} (${k.prefix})` })),
    category: options?.categories.map((c) => ({ value: c, label: c })),
    model: options?.models.map((m) => ({ value: m, label: m })),
    policyId: options?.policies.map((p) => ({ value: p.id, label: p.name })),
  };
  return order.map((dimension) =>
    dimension === "category" ? (
      <SelectField key={dimension} label={LABELS[dimension].label} value={filters[dimension] ?? ""} onChange={(e) => onChange(dimension, e.target.value || null)}>
        <option value="">{LABELS[dimension].all}</option>
        {choices[dimension]?.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </SelectField>
    ) : (
      <Combobox key={dimension} label={LABELS[dimension].label} value={filters[dimension] ?? ""} options={choices[dimension] ?? []}
        emptyLabel={LABELS[dimension].all} onChange={(value) => onChange(dimension, value || null)} />
    ),
  );
}
