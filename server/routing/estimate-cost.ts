import type { CatalogModel, CostEstimate } from "./types";

type Priced = Pick<CatalogModel, "id" | "inputPricePerMTok" | "outputPricePerMTok">;

/**
 * To a ten-billionth of a dollar, far below any price's precision: the sum of two products of
 * binary fractions otherwise reads 0.0013375000000000001 in an explanation. An integer divided by
 * a power of ten prints as its shortest decimal.
 */
const roundUsd = (usd: number) => Math.round(usd * 1e10) / 1e10;

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
  const usd = roundUsd(
    (inTok * (model.inputPricePerMTok ?? 0)) / 1_000_000 + (outTok * (model.outputPricePerMTok ?? 0)) / 1_000_000,
  );
  return { priced: true, usd };
}

/** A served request's tokens, with the parts of its input that the provider's prompt cache read or wrote. */
export interface BilledTokens {
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: number;
}

type CachePriced = Priced & Pick<CatalogModel, "cachedInputPricePerMTok" | "cacheWritePricePerMTok">;

/**
 * Real cost of a served request: input read from or written to the prompt cache at the
 * model's cache prices (the input price where the catalog has none), the rest as estimateCost.
 */
export function usageCost(model: CachePriced, tokens: BilledTokens): CostEstimate {
  const estimate = estimateCost(model, tokens.input, tokens.output);
  if (!estimate.priced) return estimate;
  const input = model.inputPricePerMTok ?? 0;
  const cached = Math.min(Math.max(0, tokens.cachedInput ?? 0), Math.max(0, tokens.input));
  const written = Math.min(Math.max(0, tokens.cacheWrite ?? 0), Math.max(0, tokens.input) - cached);
  const difference = cached * ((model.cachedInputPricePerMTok ?? input) - input) + written * ((model.cacheWritePricePerMTok ?? input) - input);
  return { priced: true, usd: roundUsd(estimate.usd + difference / 1_000_000) };
}

export function costOrNull(estimate: CostEstimate): number | null {
  return estimate.priced ? estimate.usd : null;
}
