/**
 * Drift detection, without I/O: for every model and category of a tenant, compares the recent
 * window with the reference window on each metric, and says which changes are both significant
 * (after a Bonferroni correction over every test of the round, so a stable tenant with hundreds
 * of model-category pairs does not see false alarms) and large enough to matter (the tenant's
 * minimum effect per metric). The alerts job loads the windows (load-drift-windows.ts) and turns
 * the findings into alerts (plan-drift-alerts.ts).
 */
import type { DriftSettings } from "../../console/schemas/drift-settings";
import { LATENCY_BUCKET_BOUNDS_MS, percentileFromHistogram } from "../../usage/latency-buckets";
import { meanOf, twoProportionTest, welchTest, type Direction, type Moments, type TestResult } from "./significance";

export const DRIFT_METRICS = [
  "quality_feedback", "quality_judged", "bad_answer_rate", "latency_p50", "latency_p95", "ttft_p50", "ttft_p95",
  "error_rate", "fallback_rate", "tokens_per_request", "cost_per_request",
] as const;
export type DriftMetric = (typeof DRIFT_METRICS)[number];

/** What one window holds for one model and category, as the rollups and the evidence tables give it. */
export interface WindowStats {
  requests: number;
  errors: number;
  fallbacks: number;
  /** Requests whose answer came back empty, refused or cut off (at most one per request). */
  badAnswers: number;
  latencyHistogram: readonly number[];
  ttftHistogram: readonly number[];
  /** One value per hour with traffic: that hour's tokens (input + output) per request. */
  hourlyTokensPerRequest: Moments;
  /** One value per hour with priced traffic: that hour's cost per priced request (USD). */
  hourlyCostPerRequest: Moments;
  /** Feedback scores (0-1) on the window's requests. */
  feedback: Moments;
  /** Judged evaluations of the served answer (0, 0.5 or 1 per evaluation). */
  judged: Moments;
}

export interface SeriesWindows {
  model: string;
  category: string;
  recent: WindowStats;
  reference: WindowStats;
}

export interface DriftFinding {
  model: string;
  category: string;
  metric: DriftMetric;
  /** The metric in the reference and the recent window, in its unit (see METRIC_UNITS). */
  from: number;
  to: number;
  /** to - from, in percent of `from` or in points, as the metric's minimum effect is. */
  change: number;
  pValue: number;
  /** Significant after the correction and at least the minimum effect: an alert is due. */
  detected: boolean;
  /** Still away from normal (uncorrected 5% level, half the minimum effect): an open alert stays open. */
  persisting: boolean;
}

export type MetricUnit = "points" | "percent_of_requests" | "ms" | "tokens" | "usd";

/** How each metric is shown and in what its change is counted. */
export const METRIC_INFO: Record<DriftMetric, { label: string; unit: MetricUnit; change: "percent" | "points" }> = {
  quality_feedback: { label: "feedback score", unit: "points", change: "points" },
  quality_judged: { label: "judged win rate", unit: "points", change: "points" },
  bad_answer_rate: { label: "bad-answer rate (empty, refused, cut off)", unit: "percent_of_requests", change: "points" },
  latency_p50: { label: "p50 latency", unit: "ms", change: "percent" },
  latency_p95: { label: "p95 latency", unit: "ms", change: "percent" },
  ttft_p50: { label: "p50 time to first token", unit: "ms", change: "percent" },
  ttft_p95: { label: "p95 time to first token", unit: "ms", change: "percent" },
  error_rate: { label: "error rate", unit: "percent_of_requests", change: "points" },
  fallback_rate: { label: "fallback rate", unit: "percent_of_requests", change: "points" },
  tokens_per_request: { label: "tokens per request", unit: "tokens", change: "percent" },
  cost_per_request: { label: "cost per request", unit: "usd", change: "percent" },
};

/** Which setting holds each metric's minimum effect. */
const MIN_EFFECT: Record<DriftMetric, keyof DriftSettings & `${string}${"Percent" | "Points"}`> = {
  quality_feedback: "qualityDropPoints",
  quality_judged: "qualityDropPoints",
  bad_answer_rate: "badAnswerRatePoints",
  latency_p50: "latencyIncreasePercent",
  latency_p95: "latencyIncreasePercent",
  ttft_p50: "latencyIncreasePercent",
  ttft_p95: "latencyIncreasePercent",
  error_rate: "errorRatePoints",
  fallback_rate: "fallbackRatePoints",
  tokens_per_request: "tokensChangePercent",
  cost_per_request: "costIncreasePercent",
};

export const minEffectOf = (metric: DriftMetric, settings: DriftSettings): number => settings[MIN_EFFECT[metric]];

/** An open alert stays open while its change is significant at this uncorrected level. */
const PERSIST_P = 0.05;
/** Hours with traffic needed in each window before hourly means are compared. */
const MIN_HOURS = { recent: 6, reference: 24 } as const;

/** One test before the correction: its effect is in the direction that matters (positive = worse). */
interface Test {
  metric: DriftMetric;
  from: number;
  to: number;
  change: number;
  /** The change counted in the bad direction, compared with the minimum effect. */
  harm: number;
  result: TestResult;
}

const pct = (to: number, from: number) => (from > 0 ? (to / from - 1) * 100 : 0);

function rateTest(metric: DriftMetric, recent: { x: number; n: number }, reference: { x: number; n: number }): Test {
  const from = (reference.x / reference.n) * 100;
  const to = (recent.x / recent.n) * 100;
  return { metric, from, to, change: to - from, harm: to - from, result: twoProportionTest(recent, reference, "increase") };
}

const total = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

/**
 * A percentile's rise, tested on counts: the reference's percentile falls in some histogram
 * bucket; the share of requests above that bucket's upper bound is compared between the windows.
 * A slower model puts more of its recent requests above the bound. Percentiles in the open last
 * bucket have no bound to test against.
 */
function percentileTest(metric: DriftMetric, recent: readonly number[], reference: readonly number[], p: number): Test | null {
  const nRef = total(reference);
  const nRec = total(recent);
  const from = percentileFromHistogram(reference, p);
  const to = percentileFromHistogram(recent, p);
  if (from === null || to === null) return null;
  let seen = 0;
  let bucket = 0;
  while (bucket < reference.length && seen + (reference[bucket] ?? 0) < p * nRef) seen += reference[bucket++] ?? 0;
  if (bucket >= LATENCY_BUCKET_BOUNDS_MS.length) return null;
  const above = (counts: readonly number[]) => total(counts.slice(bucket + 1));
  const change = pct(to, from);
  return { metric, from, to, change, harm: change, result: twoProportionTest({ x: above(recent), n: nRec }, { x: above(reference), n: nRef }, "increase") };
}

function meanTest(metric: DriftMetric, recent: Moments, reference: Moments, direction: Direction | "either", scale: "percent" | "points"): Test {
  const from = meanOf(reference) * (scale === "points" ? 100 : 1);
  const to = meanOf(recent) * (scale === "points" ? 100 : 1);
  const change = scale === "points" ? to - from : pct(to, from);
  if (direction !== "either") {
    return { metric, from, to, change, harm: direction === "increase" ? change : -change, result: welchTest(recent, reference, direction) };
  }
  // Either way: the test in the observed direction, its p-value doubled (two-sided).
  const observed = welchTest(recent, reference, change >= 0 ? "increase" : "decrease");
  return { metric, from, to, change, harm: Math.abs(change), result: { ...observed, pValue: Math.min(1, observed.pValue * 2) } };
}

/** Every test the samples allow for one model and category. */
function seriesTests({ recent, reference }: SeriesWindows, s: DriftSettings): Test[] {
  const tests: (Test | null)[] = [];
  if (recent.requests >= s.minRequests && reference.requests >= s.minRequests) {
    const rate = (x: (w: WindowStats) => number) => [{ x: Math.min(x(recent), recent.requests), n: recent.requests }, { x: Math.min(x(reference), reference.requests), n: reference.requests }] as const;
    tests.push(rateTest("error_rate", ...rate((w) => w.errors)));
    tests.push(rateTest("fallback_rate", ...rate((w) => w.fallbacks)));
    tests.push(rateTest("bad_answer_rate", ...rate((w) => w.badAnswers)));
    tests.push(percentileTest("latency_p50", recent.latencyHistogram, reference.latencyHistogram, 0.5));
    tests.push(percentileTest("latency_p95", recent.latencyHistogram, reference.latencyHistogram, 0.95));
    const enoughHours = (m: (w: WindowStats) => Moments) => m(recent).n >= MIN_HOURS.recent && m(reference).n >= MIN_HOURS.reference;
    if (enoughHours((w) => w.hourlyTokensPerRequest)) {
      tests.push(meanTest("tokens_per_request", recent.hourlyTokensPerRequest, reference.hourlyTokensPerRequest, "either", "percent"));
    }
    if (enoughHours((w) => w.hourlyCostPerRequest)) {
      tests.push(meanTest("cost_per_request", recent.hourlyCostPerRequest, reference.hourlyCostPerRequest, "increase", "percent"));
    }
  }
  if (total(recent.ttftHistogram) >= s.minRequests && total(reference.ttftHistogram) >= s.minRequests) {
    tests.push(percentileTest("ttft_p50", recent.ttftHistogram, reference.ttftHistogram, 0.5));
    tests.push(percentileTest("ttft_p95", recent.ttftHistogram, reference.ttftHistogram, 0.95));
  }
  if (recent.feedback.n >= s.minEvidence && reference.feedback.n >= s.minEvidence) {
    tests.push(meanTest("quality_feedback", recent.feedback, reference.feedback, "decrease", "points"));
  }
  if (recent.judged.n >= s.minEvidence && reference.judged.n >= s.minEvidence) {
    tests.push(meanTest("quality_judged", recent.judged, reference.judged, "decrease", "points"));
  }
  return tests.filter((t): t is Test => t !== null);
}

/**
 * Runs every test the tenant's samples allow and corrects for their number: each is significant
 * below falseAlarmRate / tests. `tests` in the answer is that number.
 */
export function detectDrift(series: readonly SeriesWindows[], settings: DriftSettings): { findings: DriftFinding[]; tests: number } {
  const perSeries = series.map((s) => ({ s, tests: seriesTests(s, settings) }));
  const count = perSeries.reduce((n, { tests }) => n + tests.length, 0);
  const level = count > 0 ? settings.falseAlarmRate / count : 0;
  const findings = perSeries.flatMap(({ s, tests }) =>
    tests.map((t): DriftFinding => ({
      model: s.model,
      category: s.category,
      metric: t.metric,
      from: t.from,
      to: t.to,
      change: t.change,
      pValue: t.result.pValue,
      detected: t.result.pValue < level && t.harm >= minEffectOf(t.metric, settings),
      persisting: t.result.pValue < Math.max(PERSIST_P, level) && t.harm >= minEffectOf(t.metric, settings) / 2,
    })),
  );
  return { findings, tests: count };
}
