"use client";

// One card per category rule: its numbers as inputs, its models picked from the catalog
// (allowed models as a set, the fallback chain as an ordered list, the judge as a select).
// Cards rather than a table row, since a row of pickers is wider than any screen.
import type { FieldErrors } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ModelListPicker, ModelSelect } from "@/components/models/model-picker";
import type { PickableModel } from "@/components/models/model-options";
import { EMPTY_RULE, type RuleDraft } from "./policy-draft";

type TextColumn = "category" | "qualityBar" | "maxCostUsd" | "latencyTargetMs" | "evaluationSharePct";

/** The typed fields of a rule: key, label, and the schema's name where it differs (errors come keyed by the schema's path). */
const TEXT_FIELDS: { key: TextColumn; label: string; schemaField?: string; decimal?: boolean }[] = [
  { key: "category", label: "Category" },
  { key: "qualityBar", label: "Quality bar (0-100)", decimal: true },
  { key: "maxCostUsd", label: "Max cost per request (USD)", decimal: true },
  { key: "latencyTargetMs", label: "Latency target (ms)", decimal: true },
  { key: "evaluationSharePct", label: "Evaluated share (%)", schemaField: "evaluationShare", decimal: true },
];

/** Labels by schema field name, so that the form's validation messages name the field. */
export const RULE_FIELD_LABELS: Record<string, string> = {
  ...Object.fromEntries(TEXT_FIELDS.map((f) => [f.schemaField ?? f.key, f.label])),
  allowedModels: "Allowed models",
  fallbackOrder: "Fallback order",
  judgeModel: "Judge model",
};

interface Props {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
  /** The tenant's catalog: every model field is picked from it. */
  models: readonly PickableModel[];
}

export function RulesEditor({ rules, onChange, errors, readOnly, models }: Props) {
  const update = <K extends keyof RuleDraft>(index: number, key: K, value: RuleDraft[K]) => onChange(rules.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="font-semibold">Rules per category</legend>
      {errors.rules && <p className="text-xs text-red-600">{errors.rules}</p>}
      {rules.map((rule, index) => {
        const name = rule.category || `rule ${index + 1}`;
        const error = (field: string) => errors[`rules.${index}.${field}`];
        return (
          <section key={index} aria-label={`Rule for ${name}`} className="space-y-3 rounded-lg border border-slate-200 p-3">
            <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
              {TEXT_FIELDS.map(({ key, label, schemaField, decimal }) => (
                <TextField key={key} label={label} aria-label={`${label} for ${name}`} value={rule[key]} readOnly={readOnly}
                  inputMode={decimal ? "decimal" : undefined} error={error(schemaField ?? key)} onChange={(e) => update(index, key, e.target.value)} />
              ))}
              <ModelSelect label="Judge model" ariaLabel={`Judge model for ${name}`} models={models} category={rule.category} value={rule.judgeModel}
                emptyLabel="No judge" error={error("judgeModel")} readOnly={readOnly} onChange={(slug) => update(index, "judgeModel", slug)} />
            </div>
            <div className="grid gap-3 md:grid-cols-2">
              <ModelListPicker label="Allowed models" ariaLabel={`Allowed models for ${name}`} models={models} category={rule.category} value={rule.allowedModels}
                emptyText="All models of the catalog" error={error("allowedModels")} readOnly={readOnly} onChange={(slugs) => update(index, "allowedModels", slugs)} />
              <ModelListPicker label="Fallback order" ariaLabel={`Fallback order for ${name}`} models={models} category={rule.category} value={rule.fallbackOrder} ordered
                emptyText="None: the other qualifying models, cheapest first" error={error("fallbackOrder")} readOnly={readOnly} onChange={(slugs) => update(index, "fallbackOrder", slugs)} />
            </div>
            {!readOnly && <Button variant="ghost" onClick={() => onChange(rules.filter((_, i) => i !== index))}>Remove the {name} rule</Button>}
          </section>
        );
      })}
      {!readOnly && <Button onClick={() => onChange([...rules, { ...EMPTY_RULE }])}>Add category rule</Button>}
    </fieldset>
  );
}
