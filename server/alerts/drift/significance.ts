/**
 * The statistical tests behind drift alerts, without I/O: a two-proportion z-test (error,
 * fallback and bad-answer rates, the share of requests above a latency bound) and Welch's t-test
 * (means whose spread is measured: hourly tokens and cost per request, feedback scores, judged
 * win rates). Each returns a one-sided p-value in the direction that would be bad news, so the
 * caller compares it with its corrected significance level.
 */
import { betaCdf } from "../../routing/learning/beta-quantile";

/** A sample summarised by its count, sum and sum of squares (what a grouped SQL query returns). */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export const NO_MOMENTS: Moments = { n: 0, sum: 0, sumSq: 0 };

export const addMoments = (a: Moments, b: Moments): Moments => ({ n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq });

export const meanOf = (m: Moments): number => (m.n > 0 ? m.sum / m.n : Number.NaN);

/** Unbiased sample variance; never negative (the sums may carry rounding). */
export function varianceOf(m: Moments): number {
  if (m.n < 2) return Number.NaN;
  return Math.max(0, (m.sumSq - (m.sum * m.sum) / m.n) / (m.n - 1));
}

/**
 * Complementary error function (Numerical Recipes' erfcc, Chebyshev fit): relative error below
 * 1.2e-7 everywhere, so tail probabilities as small as a corrected level (1e-6) keep their digits.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** P(Z > z) for a standard normal Z. */
export const normalUpperTail = (z: number): number => 0.5 * erfc(z / Math.SQRT2);

/** P(T > t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentUpperTail(t: number, df: number): number {
  const tail = 0.5 * betaCdf(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

export interface TestResult {
  /** The test statistic, positive when the recent sample is higher. */
  statistic: number;
  /** One-sided p-value in the tested direction. */
  pValue: number;
}

export type Direction = "increase" | "decrease";

const oneSided = (upperTail: (s: number) => number, statistic: number, direction: Direction): TestResult => ({
  statistic,
  pValue: upperTail(direction === "increase" ? statistic : -statistic),
});

/**
 * Two-proportion z-test with the pooled proportion: did `recent` (x of n) move in `direction`
 * from `reference`? Both rates equal at 0 or 1 carry no evidence (p = 1).
 */
export function twoProportionTest(recent: { x: number; n: number }, reference: { x: number; n: number }, direction: Direction): TestResult {
  const pooled = (recent.x + reference.x) / (recent.n + reference.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / recent.n + 1 / reference.n));
  if (!(se > 0)) return { statistic: 0, pValue: 1 };
  return oneSided(normalUpperTail, (recent.x / recent.n - reference.x / reference.n) / se, direction);
}

/** Welch's t-test of two means with unequal variances (Welch-Satterthwaite degrees of freedom). */
export function welchTest(recent: Moments, reference: Moments, direction: Direction): TestResult & { df: number } {
  const vr = varianceOf(recent) / recent.n;
  const vf = varianceOf(reference) / reference.n;
  const se2 = vr + vf;
  if (!(se2 > 0)) return { statistic: 0, pValue: 1, df: Number.NaN };
  const df = (se2 * se2) / ((vr * vr) / (recent.n - 1) + (vf * vf) / (reference.n - 1));
  const statistic = (meanOf(recent) - meanOf(reference)) / Math.sqrt(se2);
  return { ...oneSided((s) => studentUpperTail(s, df), statistic, direction), df };
}
