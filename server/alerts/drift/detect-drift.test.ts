import { describe, expect, it } from "vitest";
import { DEFAULT_DRIFT_SETTINGS } from "../../console/schemas/drift-settings";
import { LATENCY_BUCKET_COUNT } from "../../usage/latency-buckets";
import { SYNTHETIC_CATEGORIES, syntheticModel, syntheticTraffic, type HourTraffic, type SyntheticChange } from "../../testing/synthetic-drift-traffic";
import { detectDrift, type SeriesWindows, type WindowStats } from "./detect-drift";
import { addMoments, NO_MOMENTS, type Moments } from "./significance";

const HOUR_MS = 3_600_000;
const end = new Date("2026-12-10T00:00:00Z");
const recentFrom = new Date(end.getTime() - 24 * HOUR_MS);

const moments = (values: readonly number[]): Moments => ({ n: values.length, sum: values.reduce((a, b) => a + b, 0), sumSq: values.reduce((a, b) => a + b * b, 0) });
const one = (v: number): Moments => ({ n: 1, sum: v, sumSq: v * v });
const add = (a: number[], b: readonly number[]) => a.map((v, i) => v + (b[i] ?? 0));

function emptyWindow(): WindowStats {
  return {
    requests: 0, errors: 0, fallbacks: 0, badAnswers: 0,
    latencyHistogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0), ttftHistogram: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
    hourlyTokensPerRequest: NO_MOMENTS, hourlyCostPerRequest: NO_MOMENTS, feedback: NO_MOMENTS, judged: NO_MOMENTS,
  };
}

/** What load-drift-windows.ts's queries give for these hours: the sums per window, the hourly means' moments. */
function windowsOf(hours: readonly HourTraffic[]): SeriesWindows[] {
  const series = new Map<string, SeriesWindows>();
  for (const h of hours) {
    const key = `${h.model}|${h.category}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { model: h.model, category: h.category, recent: emptyWindow(), reference: emptyWindow() }));
    const w = h.hour >= recentFrom ? s.recent : s.reference;
    const priced = h.requests - h.errors;
    Object.assign(w, {
      requests: w.requests + h.requests, errors: w.errors + h.errors, fallbacks: w.fallbacks + h.fallbacks, badAnswers: w.badAnswers + h.badAnswers,
      latencyHistogram: add([...w.latencyHistogram], h.latencyHistogram), ttftHistogram: add([...w.ttftHistogram], h.ttftHistogram),
      hourlyTokensPerRequest: h.requests > 0 ? addMoments(w.hourlyTokensPerRequest, one((h.inputTokens + h.outputTokens) / h.requests)) : w.hourlyTokensPerRequest,
      hourlyCostPerRequest: priced > 0 ? addMoments(w.hourlyCostPerRequest, one(h.costUsd / priced)) : w.hourlyCostPerRequest,
      feedback: addMoments(w.feedback, moments(h.feedbackScores)),
      judged: addMoments(w.judged, moments(h.judged)),
    });
  }
  return [...series.values()];
}

const traffic = (seed: number, change?: SyntheticChange, models = 30) =>
  syntheticTraffic({ models, categories: SYNTHETIC_CATEGORIES, hours: 8 * 24, end, seed, requestsPerHour: 30, change });

describe("detectDrift", () => {
  it("raises no false alarm over 20 rounds of a stable tenant with 30 models x 6 categories", () => {
    let alarms = 0;
    let tests = 0;
    let uncorrected = 0;
    for (let round = 0; round < 20; round++) {
      const result = detectDrift(windowsOf(traffic(1000 + round)), DEFAULT_DRIFT_SETTINGS);
      alarms += result.findings.filter((f) => f.detected).length;
      // The same tests at the uncorrected level: what the correction saves the tenant from.
      uncorrected += result.findings.filter((f) => f.pValue < DEFAULT_DRIFT_SETTINGS.falseAlarmRate).length;
      tests += result.tests;
    }
    // Every metric of every pair had enough samples: 180 pairs x 11 metrics per round.
    expect(tests).toBe(20 * 180 * 11);
    expect(uncorrected).toBeGreaterThan(100);
    expect(alarms).toBe(0);
  });

  it("finds a latency regression of one model in one category, and only there", () => {
    const change = { model: syntheticModel(7), category: "math", from: new Date(recentFrom.getTime() + 12 * HOUR_MS), latencyFactor: 1.6 };
    const { findings } = detectDrift(windowsOf(traffic(7, change)), DEFAULT_DRIFT_SETTINGS);
    const detected = findings.filter((f) => f.detected);
    expect(new Set(detected.map((f) => `${f.model}|${f.category}`))).toEqual(new Set([`${change.model}|math`]));
    expect(detected.map((f) => f.metric)).toContain("latency_p95");
    const p95 = detected.find((f) => f.metric === "latency_p95")!;
    expect(p95.to).toBeGreaterThan(p95.from * 1.25);
    expect(p95.pValue).toBeLessThan(DEFAULT_DRIFT_SETTINGS.falseAlarmRate / 1980);
  });

  it("finds a quality drop in feedback and judged evaluations", () => {
    const change = { model: syntheticModel(3), category: "coding", from: recentFrom, qualityDrop: 0.35 };
    const detected = detectDrift(windowsOf(traffic(11, change)), DEFAULT_DRIFT_SETTINGS).findings.filter((f) => f.detected);
    expect(detected.map((f) => `${f.model}|${f.category}|${f.metric}`).sort()).toEqual([`${change.model}|coding|quality_feedback`, `${change.model}|coding|quality_judged`]);
    const feedback = detected.find((f) => f.metric === "quality_feedback")!;
    expect(feedback.change).toBeLessThan(-DEFAULT_DRIFT_SETTINGS.qualityDropPoints);
  });

  it("ignores a significant change smaller than the minimum effect, and says it persists once alerted", () => {
    // 10% slower on a lot of traffic: significant, but under the 25% minimum.
    const change = { model: syntheticModel(0), category: "general", from: recentFrom, latencyFactor: 1.1 };
    const hours = syntheticTraffic({ models: 1, categories: ["general"], hours: 8 * 24, end, seed: 5, requestsPerHour: 2000, change });
    const { findings } = detectDrift(windowsOf(hours), DEFAULT_DRIFT_SETTINGS);
    const p50 = findings.find((f) => f.metric === "latency_p50")!;
    expect(p50.pValue).toBeLessThan(1e-6);
    expect(p50.detected).toBe(false);
    // Half the minimum effect (12.5%) is not reached either: an open alert would resolve.
    expect(p50.change).toBeLessThan(12.5);
    expect(p50.persisting).toBe(false);
    // With a 5% minimum the same change is an alert.
    const strict = detectDrift(windowsOf(hours), { ...DEFAULT_DRIFT_SETTINGS, latencyIncreasePercent: 5 }).findings.find((f) => f.metric === "latency_p50")!;
    expect(strict.detected).toBe(true);
    expect(strict.persisting).toBe(true);
  });

  it("tests nothing below the minimum sample sizes", () => {
    const hours = syntheticTraffic({ models: 1, categories: ["general"], hours: 8 * 24, end, seed: 9, requestsPerHour: 0.4 });
    expect(detectDrift(windowsOf(hours), DEFAULT_DRIFT_SETTINGS)).toEqual({ findings: [], tests: 0 });
  });
});
