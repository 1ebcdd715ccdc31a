// The catalog as picker options: each model with its provider, price and quality, so that a
// choice in a form is made knowing what it costs and how good it is.
import type { ComboOption } from "@/components/ui/combobox-options";

/** The fields of a catalog entry that a picker shows. */
export interface PickableModel {
  slug: string;
  provider: string;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  quality: Record<string, number | null>;
  kind: string;
  enabled: boolean;
}

const price = (usd: number | null) => (usd === null ? "?" : `$${usd.toLocaleString("en-US", { maximumFractionDigits: 4 })}`);

/** A model's quality for the category, or its best one when no category is given. */
function quality(model: PickableModel, category: string | undefined): string {
  const scores = Object.values(model.quality).filter((q): q is number => typeof q === "number");
  const score = category ? model.quality[category] : scores.length ? Math.max(...scores) : null;
  if (score === null || score === undefined) return "quality unknown";
  return `quality ${Math.round(score)}${category ? ` for ${category}` : " (best category)"}`;
}

/**
 * Chat models only: a policy can never route a chat request to an embedding model, and the
 * server refuses one named in a policy.
 */
export function modelOptions(models: readonly PickableModel[], category?: string): ComboOption[] {
  return models
    .filter((m) => m.kind === "chat")
    .map((m) => ({
      value: m.slug,
      label: m.slug,
      detail: `${m.provider} · ${price(m.inputPricePerMTok)} in / ${price(m.outputPricePerMTok)} out per 1M tokens · ${quality(m, category)}${m.enabled ? "" : " · disabled"}`,
    }));
}
