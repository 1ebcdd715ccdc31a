import { estimateCost } from "./estimate-cost";
import { byCost, byQuality, inRule, type Ranked } from "./select-model";
import type { CatalogModel, CategoryRule } from "./types";

/** The model selectModel would choose, whether it is a degraded choice, and nothing else. */
export interface LeanChoice {
  model: CatalogModel | null;
  degraded: boolean;
}

/**
 * selectModel's choice without its explanation, for replaying many requests (what-if): the
 * checks that do not depend on the request (enabled, retired, allowed, healthy) are made once per
 * rule and category, and each request then only checks structured outputs, context window and max cost and keeps
 * the best candidate in one pass, with selectModel's own orderings. It must choose exactly what
 * selectModel chooses (lean-select-model.test.ts compares them on random catalogs).
 */
export function leanSelector(
  catalog: readonly CatalogModel[],
  rule: CategoryRule,
  category: string,
  unhealthy: Record<string, string>,
  now: Date,
): (requiredQuality: number, inputTokens: number, outputTokens: number, needsStructuredOutput?: boolean) => LeanChoice {
  const models = catalog.filter((m) => inRule(m, rule, now) && unhealthy[m.id] === undefined);
  const qualities = models.map((m) => m.quality[category] ?? null);
  const maxCost = rule.maxCostUsd;
  return (requiredQuality, inputTokens, outputTokens, needsStructuredOutput = false) => {
    const totalTokens = inputTokens + outputTokens;
    // The cheapest model meeting the bar; failing any, the best usable one (selectModel's degraded path).
    let qualifying: Ranked | null = null;
    let best: Ranked | null = null;
    for (let i = 0; i < models.length; i++) {
      const model = models[i]!;
      if (needsStructuredOutput && model.structuredOutputs === false) continue;
      if (model.contextWindow < totalTokens) continue;
      const estimate = estimateCost(model, inputTokens, outputTokens);
      const cost = estimate.priced ? estimate.usd : null;
      if (maxCost !== null && (cost === null || cost > maxCost)) continue;
      const candidate: Ranked = { model, cost, quality: qualities[i]! };
      if (candidate.quality !== null && candidate.quality >= requiredQuality) {
        if (qualifying === null || byCost(candidate, qualifying) < 0) qualifying = candidate;
      } else if (qualifying === null && (best === null || byQuality(candidate, best) < 0)) best = candidate;
    }
    if (qualifying !== null) return { model: qualifying.model, degraded: false };
    return best === null ? { model: null, degraded: false } : { model: best.model, degraded: true };
  };
}
