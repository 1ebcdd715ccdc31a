// Conversions between catalog rows and the routing engine's CatalogModel, and the merge of
// the global catalog with a tenant's overrides and additions.
import { parseModelKind } from "../routing/model-kind";
import type { CatalogModel } from "../routing/types";
import type { Model, Prisma } from "../db/generated/client";

const toNumber = (d: Prisma.Decimal | null): number | null => (d === null ? null : Number(d));

export function toCatalogModel(row: Model): CatalogModel {
  return {
    id: row.slug,
    provider: row.provider,
    providerModelId: row.providerModelId,
    displayName: row.displayName,
    inputPricePerMTok: toNumber(row.inputPricePerMTok),
    outputPricePerMTok: toNumber(row.outputPricePerMTok),
    cachedInputPricePerMTok: toNumber(row.cachedInputPricePerMTok),
    cacheWritePricePerMTok: toNumber(row.cacheWritePricePerMTok),
    contextWindow: row.contextWindow,
    quality: row.quality as Record<string, number | null>,
    latencyMs: row.latencyMs,
    enabled: row.enabled,
    deprecatedAt: row.deprecatedAt?.toISOString() ?? null,
    replacementModelId: row.replacementSlug,
    structuredOutputs: row.structuredOutputs,
    kind: parseModelKind(row.kind),
  };
}

export function toModelData(model: CatalogModel): Omit<Prisma.ModelUncheckedCreateInput, "tenantId"> {
  return {
    slug: model.id,
    provider: model.provider,
    providerModelId: model.providerModelId,
    displayName: model.displayName,
    inputPricePerMTok: model.inputPricePerMTok,
    outputPricePerMTok: model.outputPricePerMTok,
    cachedInputPricePerMTok: model.cachedInputPricePerMTok ?? null,
    cacheWritePricePerMTok: model.cacheWritePricePerMTok ?? null,
    contextWindow: model.contextWindow,
    quality: model.quality,
    latencyMs: model.latencyMs,
    enabled: model.enabled,
    deprecatedAt: model.deprecatedAt ? new Date(model.deprecatedAt) : null,
    replacementSlug: model.replacementModelId,
    structuredOutputs: model.structuredOutputs ?? true,
    kind: model.kind ?? "chat",
  };
}

/** Global rows overridden by tenant rows of the same slug; tenant-only rows added. */
export function mergeCatalog(rows: Model[]): CatalogModel[] {
  const bySlug = new Map<string, Model>();
  for (const row of rows) {
    const existing = bySlug.get(row.slug);
    if (!existing || (existing.tenantId === null && row.tenantId !== null)) bySlug.set(row.slug, row);
  }
  return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug)).map(toCatalogModel);
}
