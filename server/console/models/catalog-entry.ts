// A catalog entry as the console shows it: the tenant's effective row for a slug (its own
// override or custom model, else the global default), with prices as numbers or null.
import type { Model } from "../../db/generated/client";
import { parseModelKind } from "../../routing/model-kind";

export type ModelOrigin = "global" | "override" | "custom";

export function toCatalogEntry(row: Model, origin: ModelOrigin) {
  return {
    slug: row.slug,
    origin,
    provider: row.provider,
    providerModelId: row.providerModelId,
    displayName: row.displayName,
    inputPricePerMTok: row.inputPricePerMTok === null ? null : Number(row.inputPricePerMTok),
    outputPricePerMTok: row.outputPricePerMTok === null ? null : Number(row.outputPricePerMTok),
    cachedInputPricePerMTok: row.cachedInputPricePerMTok === null ? null : Number(row.cachedInputPricePerMTok),
    cacheWritePricePerMTok: row.cacheWritePricePerMTok === null ? null : Number(row.cacheWritePricePerMTok),
    contextWindow: row.contextWindow,
    quality: row.quality as Record<string, number | null>,
    latencyMs: row.latencyMs,
    baseUrl: row.baseUrl,
    enabled: row.enabled,
    structuredOutputs: row.structuredOutputs,
    kind: parseModelKind(row.kind),
    deprecatedAt: row.deprecatedAt,
    replacementSlug: row.replacementSlug,
  };
}

/** The tenant's row wins over the global row of the same slug. */
export function effectiveRows(rows: Model[]): { row: Model; origin: ModelOrigin }[] {
  const globals = new Set(rows.filter((r) => r.tenantId === null).map((r) => r.slug));
  const bySlug = new Map<string, Model>();
  for (const row of rows) {
    const existing = bySlug.get(row.slug);
    if (!existing || (existing.tenantId === null && row.tenantId !== null)) bySlug.set(row.slug, row);
  }
  return [...bySlug.values()]
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((row) => ({ row, origin: row.tenantId === null ? "global" : globals.has(row.slug) ? "override" : "custom" }));
}
