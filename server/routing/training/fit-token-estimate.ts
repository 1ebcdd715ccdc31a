import { countTokensExact, EXACT_TOKEN_CHAR_LIMIT } from "../count-tokens";
import { estimateTokens, TOKEN_FEATURE_NAMES, tokenEstimateFeatures } from "../estimate-tokens";

/**
 * Least squares of exact o200k counts on character-class counts, each prompt weighted by 1/count
 * (so the fit targets relative error), over prompts longer than the exact-count limit. Deterministic.
 */
export function fitTokenEstimate(prompts: readonly string[]): number[] {
  const k = TOKEN_FEATURE_NAMES.length;
  const a = Array.from({ length: k }, () => new Float64Array(k + 1));
  const x = new Float64Array(k);
  for (const p of prompts) {
    if (p.length <= EXACT_TOKEN_CHAR_LIMIT) continue;
    const y = countTokensExact(p);
    tokenEstimateFeatures(p, x);
    const w = 1 / y;
    for (let i = 0; i < k; i++) {
      a[i]![k] = a[i]![k]! + w * x[i]! * y;
      for (let j = 0; j < k; j++) a[i]![j] = a[i]![j]! + w * x[i]! * x[j]!;
    }
  }
  for (let i = 0; i < k; i++) a[i]![i] = a[i]![i]! + 1e-6;
  // Gauss-Jordan elimination with partial pivoting.
  for (let i = 0; i < k; i++) {
    let p = i;
    for (let r = i + 1; r < k; r++) if (Math.abs(a[r]![i]!) > Math.abs(a[p]![i]!)) p = r;
    [a[i], a[p]] = [a[p]!, a[i]!];
    for (let r = 0; r < k; r++) {
      if (r === i) continue;
      const f = a[r]![i]! / a[i]![i]!;
      for (let c = i; c <= k; c++) a[r]![c] = a[r]![c]! - f * a[i]![c]!;
    }
  }
  return a.map((row, i) => Number((row[k]! / row[i]!).toFixed(4)));
}

/** Mean, p90 and p99 relative error of `estimate` against exact counts on prompts beyond the exact limit. */
export function tokenEstimateError(prompts: readonly string[], estimate: (t: string) => number = estimateTokens): { n: number; mean: number; p90: number; p99: number } {
  const errs: number[] = [];
  for (const p of prompts) {
    if (p.length <= EXACT_TOKEN_CHAR_LIMIT) continue;
    const y = countTokensExact(p);
    errs.push(Math.abs(estimate(p) - y) / y);
  }
  errs.sort((x, y) => x - y);
  const at = (q: number) => errs[Math.min(errs.length - 1, Math.floor(q * errs.length))] ?? 0;
  return { n: errs.length, mean: errs.reduce((s, e) => s + e, 0) / Math.max(1, errs.length), p90: at(0.9), p99: at(0.99) };
}
