// Catalog entries and a selection call for the model-selection unit tests: one model shape and
// one coding rule at a bar of 70, so each test states only what differs.
import { selectModel, type SelectionInput } from "../routing/select-model";
import type { CatalogModel, CategoryRule } from "../routing/types";

export const SELECTION_NOW = new Date("2026-03-15T12:00:00Z");

export function model(id: string, over: Partial<CatalogModel> = {}): CatalogModel {
  return {
    id, provider: "p", providerModelId: id, displayName: id,
    inputPricePerMTok: 1, outputPricePerMTok: 2, contextWindow: 100_000,
    quality: { coding: 80 }, latencyMs: 1000, enabled: true, deprecatedAt: null, replacementModelId: null,
    ...over,
  };
}

export const rule = (over: Partial<CategoryRule> = {}): CategoryRule => ({
  qualityBar: 70, allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null, ...over,
});

export function sel(catalog: CatalogModel[], over: Partial<SelectionInput> = {}) {
  return selectModel({
    catalog, rule: rule(), category: "coding", requiredQuality: 70, inputTokens: 1000, outputTokens: 500,
    unhealthy: {}, now: SELECTION_NOW, ...over,
  });
}
