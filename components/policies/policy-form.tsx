"use client";

// Create or edit a policy: global settings plus one rule per category. Validates with the
// server's schema before sending; the server's errors are shown the same way.
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { policyFieldsSchema, type PolicyFields } from "@/server/console/schemas/policies";
import { fromDraft, type PolicyDraft } from "./policy-draft";
import { RulesEditor } from "./rules-editor";

interface Props {
  initial: PolicyDraft;
  readOnly: boolean;
  saving: boolean;
  error: { message: string } | null;
  submitLabel: string;
  onSubmit: (fields: PolicyFields) => void;
  /** Shown above the submit button with the current draft (the editor's what-if). */
  beforeSubmit?: (draft: PolicyDraft) => React.ReactNode;
}

export function PolicyForm({ initial, readOnly, saving, error, submitLabel, onSubmit, beforeSubmit }: Props) {
  const trpc = useTRPC();
  const models = useQuery(trpc.models.list.queryOptions());
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof PolicyDraft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = policyFieldsSchema.safeParse(fromDraft(draft));
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error));
    if (parsed.success) onSubmit(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <datalist id="catalog-slugs">{models.data?.map((m) => <option key={m.slug} value={m.slug} />)}</datalist>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="Name" value={draft.name} onChange={set("name")} error={errors.name} readOnly={readOnly} hint={'Clients pick it with model: "<name>"'} />
        <TextField label="Description" value={draft.description} onChange={set("description")} error={errors.description} readOnly={readOnly} />
        <TextField label="Baseline model" value={draft.baselineModelSlug} onChange={set("baselineModelSlug")} error={errors.baselineModelSlug} readOnly={readOnly} list="catalog-slugs" hint="Savings are measured against it" />
        <TextField label="Default category" value={draft.defaultCategory} onChange={set("defaultCategory")} error={errors.defaultCategory} readOnly={readOnly} hint="Used when the classifier is unsure" />
        <TextField label="Confidence threshold (0-1)" type="number" step="0.05" value={draft.confidenceThreshold} onChange={set("confidenceThreshold")} error={errors.confidenceThreshold} readOnly={readOnly} />
        <TextField label="Difficulty bar raise (points)" type="number" step="1" value={draft.difficultyBarRaise} onChange={set("difficultyBarRaise")} error={errors.difficultyBarRaise} readOnly={readOnly} hint="Added to the bar for the hardest prompts" />
        <TextField label="Cache TTL (seconds)" type="number" step="1" value={draft.cacheTtlSeconds} onChange={set("cacheTtlSeconds")} error={errors.cacheTtlSeconds} readOnly={readOnly} hint="Empty: no response cache" />
      </div>
      <RulesEditor rules={draft.rules} onChange={(rules) => setDraft({ ...draft, rules })} errors={errors} readOnly={readOnly} models={models.data?.map((m) => m.slug) ?? []} />
      {beforeSubmit?.(draft)}
      <ErrorState error={error} />
      {!readOnly && <Button type="submit" variant="primary" disabled={saving}>{saving ? "Saving…" : submitLabel}</Button>}
    </form>
  );
}
