"use client";

// The policy's own categories: a name, the keywords that file a request under it (whole words,
// any case) and the request metadata it must carry. Matched in this order, before the
// classifier; each needs a rule in the rules below.
import type { FieldErrors } from "@/components/ui/form-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { EMPTY_CUSTOM_CATEGORY, type CustomCategoryDraft } from "./policy-draft";

export const CUSTOM_CATEGORY_FIELD_LABELS: Record<string, string> = { keywords: "Keywords", metadata: "Metadata" };

interface Props {
  categories: CustomCategoryDraft[];
  onChange: (categories: CustomCategoryDraft[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
}

export function CustomCategoriesEditor({ categories, onChange, errors, readOnly }: Props) {
  const update = (index: number, key: keyof CustomCategoryDraft, value: string) => onChange(categories.map((c, i) => (i === index ? { ...c, [key]: value } : c)));
  // Errors of one keyword or metadata pair come keyed by its position; shown under the field.
  const fieldError = (index: number, field: string) =>
    Object.entries(errors).find(([path]) => path === `customCategories.${index}.${field}` || path.startsWith(`customCategories.${index}.${field}.`))?.[1];
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="font-semibold">Custom categories</legend>
      <p className="text-xs text-slate-500">
        Checked in this order before the classifier. A request falls in the first whose keywords (any one, as a whole word, in any case) appear in its prompt
        and whose metadata (every pair) the request carries. Each needs a rule below.
      </p>
      {errors.customCategories && <p className="text-xs text-red-600">{errors.customCategories}</p>}
      {categories.map((category, index) => {
        const name = category.name || `custom category ${index + 1}`;
        return (
          <section key={index} aria-label={`Custom category ${name}`} className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-3">
            <TextField label="Name" aria-label={`Name of ${name}`} value={category.name} readOnly={readOnly} error={fieldError(index, "name")}
              onChange={(e) => update(index, "name", e.target.value)} />
            <TextField label="Keywords" aria-label={`Keywords of ${name}`} value={category.keywords} readOnly={readOnly} error={fieldError(index, "keywords")}
              hint="Comma-separated, e.g. refund, order status" onChange={(e) => update(index, "keywords", e.target.value)} />
            <TextField label="Metadata" aria-label={`Metadata of ${name}`} value={category.metadata} readOnly={readOnly} error={fieldError(index, "metadata")}
              hint="Comma-separated key=value, e.g. team=support" onChange={(e) => update(index, "metadata", e.target.value)} />
            {!readOnly && <Button variant="ghost" onClick={() => onChange(categories.filter((_, i) => i !== index))}>Remove {name}</Button>}
          </section>
        );
      })}
      {!readOnly && <Button onClick={() => onChange([...categories, { ...EMPTY_CUSTOM_CATEGORY }])}>Add custom category</Button>}
    </fieldset>
  );
}
