import type { CatalogModel, CategorySource } from "./types";

export interface SummaryInput {
  category: string;
  confidence: number;
  categorySource: CategorySource;
  sourceDetail: string;
  difficulty: number;
  model: CatalogModel | null;
  choiceReason: string;
  costUsd: number | null;
  baselineCostUsd: number | null;
  baselineModelId: string;
  degraded: boolean;
  errorMessage: string | null;
}

export function formatUsd(x: number): string {
  return `$${x < 0.001 ? x.toFixed(6) : x.toFixed(4)}`;
}

/**
 * `x` (below `limit`) with two decimals, or as many more as it takes to read as below it:
 * 0.4996 against a threshold of 0.5 is "0.4996", never "0.50 < threshold 0.5".
 */
export function formatBelow(x: number, limit: number): string {
  for (let digits = 2; digits <= 6; digits++) {
    const text = x.toFixed(digits);
    if (Number(text) < limit) return text;
  }
  return String(x);
}

/** Savings vs the baseline as a signed percentage string, e.g. "−58%", or null when not comparable. */
export function savingsPercent(cost: number | null, baseline: number | null): string | null {
  if (cost === null || baseline === null || baseline <= 0) return null;
  const pct = Math.round(((cost - baseline) / baseline) * 100);
  if (pct === 0) return "±0%";
  return pct < 0 ? `−${-pct}%` : `+${pct}%`;
}

function describeSource(source: CategorySource, detail: string): string {
  switch (source) {
    case "forced":
      return "forced by client";
    case "rule":
      return `custom rule: ${detail}`;
    case "default":
      return `policy default: ${detail}`;
    case "learned":
      return `learned from corrections: ${detail}`;
    default:
      return "classifier";
  }
}

/**
 * One-line human summary, e.g.
 * "coding (0.97), difficulty 0.31 → gemini-3.1-pro: cheapest meeting bar 74.3; est $0.0021 vs $0.0050 on claude-opus-4.6 (−58%)"
 */
export function summarizeDecision(s: SummaryInput): string {
  const head =
    s.categorySource === "classifier"
      ? `${s.category} (${s.confidence.toFixed(2)}), difficulty ${s.difficulty.toFixed(2)}`
      : `${s.category} (${describeSource(s.categorySource, s.sourceDetail)}), difficulty ${s.difficulty.toFixed(2)}`;
  if (!s.model) return `${head} → no model: ${s.errorMessage ?? "nothing available"}`;
  const est = s.costUsd === null ? "est cost unknown (unpriced)" : `est ${formatUsd(s.costUsd)}`;
  const base =
    s.baselineCostUsd === null
      ? `baseline ${s.baselineModelId} cost unknown`
      : `${formatUsd(s.baselineCostUsd)} on ${s.baselineModelId}`;
  const pct = savingsPercent(s.costUsd, s.baselineCostUsd);
  return `${head} → ${s.model.id}${s.degraded ? " [degraded]" : ""}: ${s.choiceReason}; ${est} vs ${base}${pct ? ` (${pct})` : ""}`;
}

export interface ExcludedModel {
  modelId: string;
  reason: string;
}

/**
 * Why a rule has no usable model, for the caller's 503 and the explanation: the rule, each model
 * it allows with the reason it was left out, and the ids it allows that the catalog lacks (a
 * typo, or a model removed since). Catalog models the rule does not allow are only counted, so
 * that a catalog of dozens does not bury the reasons that matter.
 */
export function explainNoUsableModel(category: string, excluded: readonly ExcludedModel[], notInCatalog: readonly string[], notAllowed: number): string {
  const reasons = [
    ...excluded.map((e) => `${e.modelId}: ${e.reason}`),
    ...notInCatalog.map((id) => `${id}: not in the catalog`),
  ];
  if (notAllowed > 0) reasons.push(`${notAllowed} other catalog model${notAllowed === 1 ? " is" : "s are"} not in the rule's allowed models`);
  return `No usable model for rule "${category}": ${reasons.length === 0 ? "the catalog is empty" : reasons.join("; ")}`;
}
