"use client";

import type { FieldErrors } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { EMPTY_RULE, type RuleDraft } from "./policy-draft";

type TextColumn = Exclude<keyof RuleDraft, "judgeModel">;

const COLUMNS: [TextColumn, string, string][] = [
  ["category", "Category", "w-32"],
  ["qualityBar", "Quality bar (0-100)", "w-24"],
  ["allowedModels", "Allowed models (empty: all)", "w-48"],
  ["fallbackOrder", "Fallback order", "w-48"],
  ["maxCostUsd", "Max cost per request (USD)", "w-28"],
  ["latencyTargetMs", "Latency target (ms)", "w-28"],
  ["evaluationSharePct", "Evaluated share (%)", "w-20"],
];

interface Props {
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
  /** The tenant's catalog slugs: the judge is picked from them. */
  models: string[];
}

/** Draft fields whose schema field has another name (errors come keyed by the schema's path). */
const SCHEMA_FIELD: Partial<Record<TextColumn, string>> = { evaluationSharePct: "evaluationShare" };

export function RulesEditor({ rules, onChange, errors, readOnly, models }: Props) {
  const update = (index: number, key: keyof RuleDraft, value: string) => onChange(rules.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  // min-w-0: a fieldset is as wide as its content by default, which would stop the table from
  // scrolling inside it and let it spill over the next column.
  return (
    <fieldset className="min-w-0 space-y-2">
      <legend className="font-semibold">Rules per category</legend>
      {errors.rules && <p className="text-xs text-red-600">{errors.rules}</p>}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>{COLUMNS.map(([key, label]) => <th key={key} className="px-1 py-1 font-medium">{label}</th>)}<th className="px-1 py-1 font-medium">Judge model</th><th><span className="sr-only">Remove</span></th></tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={index} className="align-top">
                {COLUMNS.map(([key, label, width]) => {
                  const error = errors[`rules.${index}.${SCHEMA_FIELD[key] ?? key}`];
                  return (
                    <td key={key} className="px-1 py-1">
                      <input
                        aria-label={`${label} for ${rule.category || `rule ${index + 1}`}`}
                        aria-invalid={error ? true : undefined}
                        list={key === "allowedModels" || key === "fallbackOrder" ? "catalog-slugs" : undefined}
                        inputMode={key === "evaluationSharePct" ? "decimal" : undefined}
                        value={rule[key]}
                        readOnly={readOnly}
                        onChange={(e) => update(index, key, e.target.value)}
                        className={`${width} rounded border border-slate-300 px-1.5 py-1 text-sm aria-[invalid=true]:border-red-400`}
                      />
                      {error && <p className="text-xs text-red-600">{error}</p>}
                    </td>
                  );
                })}
                <JudgeCell rule={rule} index={index} models={models} error={errors[`rules.${index}.judgeModel`]} readOnly={readOnly} onChange={(value) => update(index, "judgeModel", value)} />
                <td className="px-1 py-1">
                  {!readOnly && <Button variant="ghost" aria-label={`Remove rule ${rule.category}`} onClick={() => onChange(rules.filter((_, i) => i !== index))}>×</Button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!readOnly && <Button onClick={() => onChange([...rules, { ...EMPTY_RULE }])}>Add category rule</Button>}
    </fieldset>
  );
}

function JudgeCell({ rule, index, models, error, readOnly, onChange }: { rule: RuleDraft; index: number; models: string[]; error?: string; readOnly: boolean; onChange: (value: string) => void }) {
  // A saved judge that has left the catalog stays listed, so the select shows what is stored.
  const options = rule.judgeModel && !models.includes(rule.judgeModel) ? [rule.judgeModel, ...models] : models;
  return (
    <td className="px-1 py-1">
      <select
        aria-label={`Judge model for ${rule.category || `rule ${index + 1}`}`}
        aria-invalid={error ? true : undefined}
        value={rule.judgeModel}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.value)}
        className="w-40 rounded border border-slate-300 bg-white px-1 py-1 text-sm aria-[invalid=true]:border-red-400"
      >
        <option value="">none</option>
        {options.map((slug) => <option key={slug} value={slug}>{slug}</option>)}
      </select>
      {error && <p className="text-xs text-red-600">{error}</p>}
    </td>
  );
}
