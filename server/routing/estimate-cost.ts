import type { CatalogModel, CostEstimate } from "./types";

type Priced = Pick<CatalogModel, "id" | "inputPricePerMTok" | "outputPricePerMTok">;

/**
 * Expected USD cost of a request. Never returns $0 for an unknown price: a model whose input
 * price (or, when output tokens are expected, output price) is unknown is reported unpriced.
 */
export function estimateCost(model: Priced, inputTokens: number, outputTokens: number): CostEstimate {
  const inTok = Math.max(0, inputTokens);
  const outTok = Math.max(0, outputTokens);
  const missing: string[] = [];
  if (model.inputPricePerMTok === null && inTok > 0) missing.push("input");
  if (model.outputPricePerMTok === null && outTok > 0) missing.push("output");
  if (missing.length > 0) {
    return { priced: false, reason: `${missing.join(" and ")} price unknown for ${model.id}` };
  }
  const usd =
    (inTok * (model.inputPricePerMTok ?? 0)) / 1_000_000 +
    (outTok * (model.outputPricePerMTok ?? 0)) / 1_000_000;
  return { priced: true, usd };
}

export function costOrNull(estimate: CostEstimate): number | null {
  return estimate.priced ? estimate.usd : null;
}
