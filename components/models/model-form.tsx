"use client";

// Edits a catalog entry's figures (creating the tenant's override of a global model) or
// creates a custom model. Empty price or quality means unknown, never 0.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { numberOrNull, textOrNull } from "@/components/ui/format";
import { firstIssueMessage, zodFieldErrors, type FieldErrors } from "@/components/ui/form-errors";
import { modelFieldsSchema, type ModelFields } from "@/server/console/schemas/models";
import { modelSlugSchema } from "@/server/console/schemas/common";

export const QUALITY_CATEGORIES = ["coding", "math", "science", "computer_use", "general"];

/** The form's labels, for validation messages that name the field. */
const FIELD_LABELS = {
  displayName: "Display name",
  providerModelId: "Provider's model id",
  inputPricePerMTok: "Input price",
  outputPricePerMTok: "Output price",
  cachedInputPricePerMTok: "Cached input price",
  cacheWritePricePerMTok: "Cache write price",
  contextWindow: "Context window",
  latencyMs: "Typical latency",
  baseUrl: "Base URL",
};

interface Props {
  initial: ModelFields | null;
  providers: { id: string; needsBaseUrl: boolean }[] | null;
  saving: boolean;
  error: { message: string } | null;
  onSubmit: (value: { fields: ModelFields; slug?: string; provider?: string }) => void;
}

export function ModelForm({ initial, providers, saving, error, onSubmit }: Props) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const categories = [...new Set([...QUALITY_CATEGORIES, ...Object.keys(initial?.quality ?? {})])];

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = modelFieldsSchema.safeParse({
      displayName: String(form.get("displayName") ?? ""),
      providerModelId: String(form.get("providerModelId") ?? ""),
      inputPricePerMTok: numberOrNull(form.get("inputPricePerMTok")),
      outputPricePerMTok: numberOrNull(form.get("outputPricePerMTok")),
      cachedInputPricePerMTok: numberOrNull(form.get("cachedInputPricePerMTok")),
      cacheWritePricePerMTok: numberOrNull(form.get("cacheWritePricePerMTok")),
      contextWindow: Number(form.get("contextWindow")),
      quality: Object.fromEntries(categories.map((c) => [c, numberOrNull(form.get(`quality.${c}`))])),
      latencyMs: numberOrNull(form.get("latencyMs")),
      enabled: form.get("enabled") === "on",
      structuredOutputs: form.get("structuredOutputs") === "on",
      kind: form.get("kind"),
      baseUrl: textOrNull(form.get("baseUrl")),
    });
    const slug = providers ? modelSlugSchema.safeParse(form.get("slug")) : null;
    const next = parsed.success ? {} : zodFieldErrors(parsed.error, { ...FIELD_LABELS, ...Object.fromEntries(categories.map((c) => [`quality.${c}`, `the ${c} quality`])) });
    if (slug && !slug.success) next.slug = firstIssueMessage(slug.error, { "": "Model id" }) ?? "Check Model id";
    setErrors(next);
    if (parsed.success && (!slug || slug.success)) onSubmit({ fields: parsed.data, slug: slug?.data, provider: providers ? String(form.get("provider")) : undefined });
  }

  const value = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      {providers && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Model id (slug)" name="slug" error={errors.slug} hint="What policies and clients use" />
          <SelectField label="Provider" name="provider" defaultValue="openai-compatible">
            {providers.map((p) => <option key={p.id} value={p.id}>{p.id}</option>)}
          </SelectField>
        </div>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Display name" name="displayName" defaultValue={initial?.displayName} error={errors.displayName} />
        <TextField label="Provider's model id" name="providerModelId" defaultValue={initial?.providerModelId} error={errors.providerModelId} />
        <TextField label="Input price (USD / 1M tokens)" name="inputPricePerMTok" type="number" step="0.0001" defaultValue={value(initial?.inputPricePerMTok)} error={errors.inputPricePerMTok} hint="Empty: unknown" />
        <TextField label="Output price (USD / 1M tokens)" name="outputPricePerMTok" type="number" step="0.0001" defaultValue={value(initial?.outputPricePerMTok)} error={errors.outputPricePerMTok} hint="Empty: unknown" />
        <TextField label="Cached input price (USD / 1M tokens)" name="cachedInputPricePerMTok" type="number" step="0.0001" defaultValue={value(initial?.cachedInputPricePerMTok)} error={errors.cachedInputPricePerMTok} hint="Input read from the provider's prompt cache. Empty: the input price" />
        <TextField label="Cache write price (USD / 1M tokens)" name="cacheWritePricePerMTok" type="number" step="0.0001" defaultValue={value(initial?.cacheWritePricePerMTok)} error={errors.cacheWritePricePerMTok} hint="Input written to the prompt cache (Anthropic). Empty: the input price" />
        <TextField label="Context window (tokens)" name="contextWindow" type="number" defaultValue={value(initial?.contextWindow ?? 128000)} error={errors.contextWindow} />
        <TextField label="Typical latency (ms)" name="latencyMs" type="number" defaultValue={value(initial?.latencyMs)} error={errors.latencyMs} />
      </div>
      <SelectField label="Kind" name="kind" defaultValue={initial?.kind ?? "chat"} hint="Embedding models answer POST /v1/embeddings only and are never routed to">
        <option value="chat">chat</option>
        <option value="embedding">embedding</option>
      </SelectField>
      <TextField label="Base URL" name="baseUrl" defaultValue={initial?.baseUrl ?? ""} error={errors.baseUrl} hint="For self-hosted OpenAI-compatible servers, e.g. http://10.0.0.5:8000/v1" />
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Quality per category (0-100, empty: unknown)</legend>
        <div className="mt-1 grid grid-cols-2 gap-2 sm:grid-cols-3">
          {categories.map((c) => <TextField key={c} label={c} name={`quality.${c}`} type="number" step="0.1" defaultValue={value(initial?.quality[c])} error={errors[`quality.${c}`]} />)}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="enabled" defaultChecked={initial?.enabled ?? true} /> Enabled for routing</label>
      <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="structuredOutputs" defaultChecked={initial?.structuredOutputs ?? true} /> Follows a JSON schema (structured outputs); when off, requests with a schema are routed elsewhere</label>
      <ErrorState error={error} />
      <Button type="submit" variant="primary" disabled={saving}>{saving ? "Saving…" : "Save"}</Button>
    </form>
  );
}
