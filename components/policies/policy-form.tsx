"use client";

// Create or edit a policy: global settings plus one rule per category. Validates with the
// server's schema before sending; the server's errors are shown the same way.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { ModelSelect, useModelCatalog } from "@/components/models/model-picker";
import { policyFieldsSchema, type PolicyFields } from "@/server/console/schemas/policies";
import { fromDraft, type PolicyDraft } from "./policy-draft";
import { RULE_FIELD_LABELS, RulesEditor } from "./rules-editor";
import { BodyStorageFields } from "./body-storage-fields";
import { CUSTOM_CATEGORY_FIELD_LABELS, CustomCategoriesEditor } from "./custom-categories-editor";

const FIELD_LABELS = {
  ...RULE_FIELD_LABELS,
  ...CUSTOM_CATEGORY_FIELD_LABELS,
  name: "Name",
  description: "Description",
  baselineModelSlug: "Baseline model",
  defaultCategory: "Default category",
  confidenceThreshold: "Confidence threshold",
  difficultyBarRaise: "Difficulty bar raise",
  cacheTtlSeconds: "Cache TTL",
  storeBodiesMaxBytes: "Stored prompt and answer size",
};

interface Props {
  initial: PolicyDraft;
  readOnly: boolean;
  saving: boolean;
  error: { message: string } | null;
  submitLabel: string;
  onSubmit: (fields: PolicyFields) => void;
  /** Shown above the submit button with the current draft (the editor's what-if). */
  beforeSubmit?: (draft: PolicyDraft) => React.ReactNode;
  /** Told the draft as it changes (the page's tester routes with it). */
  onDraftChange?: (draft: PolicyDraft) => void;
}

export function PolicyForm({ initial, readOnly, saving, error, submitLabel, onSubmit, beforeSubmit, onDraftChange }: Props) {
  const models = useModelCatalog();
  const [draft, setDraft] = useState(initial);
  useEffect(() => onDraftChange?.(draft), [draft, onDraftChange]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof PolicyDraft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = policyFieldsSchema.safeParse(fromDraft(draft));
    setErrors(parsed.success ? {} : zodFieldErrors(parsed.error, FIELD_LABELS));
    if (parsed.success) onSubmit(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="Name" value={draft.name} onChange={set("name")} error={errors.name} readOnly={readOnly} hint={'Clients pick it with model: "<name>"'} />
        <TextField label="Description" value={draft.description} onChange={set("description")} error={errors.description} readOnly={readOnly} />
        <ModelSelect label="Baseline model" models={models} value={draft.baselineModelSlug} onChange={(slug) => setDraft({ ...draft, baselineModelSlug: slug })} error={errors.baselineModelSlug} readOnly={readOnly} hint="Savings are measured against it" />
        <Combobox label="Default category" options={categoryOptions(draft)} value={draft.defaultCategory} onChange={(category) => setDraft({ ...draft, defaultCategory: category })} error={errors.defaultCategory} readOnly={readOnly} hint="Used when the classifier is unsure; one of the rules' categories" />
        <TextField label="Confidence threshold (0-1)" type="number" step="0.05" value={draft.confidenceThreshold} onChange={set("confidenceThreshold")} error={errors.confidenceThreshold} readOnly={readOnly} />
        <TextField label="Difficulty bar raise (points)" type="number" step="1" value={draft.difficultyBarRaise} onChange={set("difficultyBarRaise")} error={errors.difficultyBarRaise} readOnly={readOnly} hint="Added to the bar for the hardest prompts" />
        <TextField label="Cache TTL (seconds)" type="number" step="1" value={draft.cacheTtlSeconds} onChange={set("cacheTtlSeconds")} error={errors.cacheTtlSeconds} readOnly={readOnly} hint="Empty: no response cache" />
        <BodyStorageFields draft={draft} onChange={(next) => setDraft({ ...draft, ...next })} error={errors.storeBodiesMaxBytes} readOnly={readOnly} />
      </div>
      <CustomCategoriesEditor categories={draft.customCategories} onChange={(customCategories) => setDraft({ ...draft, customCategories })} errors={errors} readOnly={readOnly} />
      <RulesEditor rules={draft.rules} onChange={(rules) => setDraft({ ...draft, rules })} errors={errors} readOnly={readOnly} models={models} />
      {beforeSubmit?.(draft)}
      <ErrorState error={error} />
      {!readOnly && <Button type="submit" variant="primary" disabled={saving}>{saving ? "Saving…" : submitLabel}</Button>}
    </form>
  );
}

/** The default category is one of the policy's own: the categories its rules name. */
function categoryOptions(draft: PolicyDraft) {
  const categories = [...new Set(draft.rules.map((r) => r.category.trim()).filter(Boolean))];
  return categories.map((category) => ({ value: category, label: category }));
}
