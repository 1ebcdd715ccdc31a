"use client";

// Model fields of the console's forms: a searchable select of the tenant's catalog, and an
// ordered list of models (allowed models, fallback chain) built with it.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Combobox } from "@/components/ui/combobox";
import { ListPicker } from "@/components/ui/list-picker";
import { modelOptions, type PickableModel } from "./model-options";

/** The tenant's catalog (global models, its overrides and its own), for the pickers below. */
export function useModelCatalog(): PickableModel[] {
  const trpc = useTRPC();
  return useQuery(trpc.models.list.queryOptions()).data ?? [];
}

interface CommonProps {
  label: string;
  ariaLabel?: string;
  models: readonly PickableModel[];
  /** Quality is shown for this category (a rule's); without it, each model's best. */
  category?: string;
  error?: string;
  readOnly?: boolean;
}

export function ModelSelect({ value, onChange, emptyLabel, hint, models, category, ...props }: CommonProps & { value: string; onChange: (slug: string) => void; emptyLabel?: string; hint?: string }) {
  return <Combobox {...props} hint={hint} options={modelOptions(models, category)} value={value} onChange={onChange} emptyLabel={emptyLabel} placeholder="Type a model or provider…" />;
}

export function ModelListPicker({ value, onChange, ordered, emptyText, models, category, ...props }: CommonProps & { value: string[]; onChange: (slugs: string[]) => void; ordered?: boolean; emptyText: string }) {
  return <ListPicker {...props} options={modelOptions(models, category)} value={value} onChange={onChange} ordered={ordered} emptyText={emptyText} placeholder="Add a model…" />;
}
