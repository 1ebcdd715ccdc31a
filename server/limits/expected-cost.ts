// The amount a budget holds for a request: what it would cost at the priciest model of its
// plan, since a fallback may serve it. Unpriced when any model of the plan has no price.
import { estimateCost } from "../routing/estimate-cost";
import type { CatalogModel } from "../routing/types";

export function expectedPlanCostUsd(plan: Pick<CatalogModel, "id" | "inputPricePerMTok" | "outputPricePerMTok">[], inputTokens: number, outputTokens: number): number | null {
  let highest = 0;
  for (const model of plan) {
    const cost = estimateCost(model, inputTokens, outputTokens);
    if (!cost.priced) return null;
    highest = Math.max(highest, cost.usd);
  }
  return highest;
}
