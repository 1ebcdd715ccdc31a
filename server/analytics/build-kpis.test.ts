import { describe, expect, it } from "vitest";
import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from "../usage/latency-buckets";
import { buildKpis } from "./build-kpis";
import type { PeriodSums } from "./query-period-sums";

function histogram(values: Record<number, number>): number[] {
  const counts = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  for (const [ms, n] of Object.entries(values)) counts[latencyBucketIndex(Number(ms))]! += n;
  return counts;
}

function sums(overrides: Partial<PeriodSums> = {}): PeriodSums {
  return {
    requests: 100, errors: 2, cacheHits: 10, fallbacks: 4, unpriced: 0, costUsd: 6, baselineCostUsd: 10, ttftCount: 90,
    latencyHistogram: histogram({ 120: 50, 800: 45, 2500: 5 }), ttftHistogram: histogram({ 300: 90 }), ...overrides,
  };
}

describe("buildKpis", () => {
  it("derives savings, rates and percentiles, and the change against the previous period", () => {
    const k = buildKpis({ current: sums(), previous: sums({ requests: 80, costUsd: 5, errors: 4 }) });
    expect(k.spendUsd).toMatchObject({ value: 6, previous: 5, changeKind: "relative" });
    expect(k.spendUsd.change).toBeCloseTo(0.2);
    expect(k.savingsUsd.value).toBe(4);
    expect(k.savingsPct.value).toBeCloseTo(0.4);
    expect(k.requests.change).toBeCloseTo(0.25);
    expect(k.errorRate).toMatchObject({ value: 0.02, previous: 0.05, changeKind: "points" });
    expect(k.errorRate.change).toBeCloseTo(-0.03);
    expect(k.cacheHitRate.value).toBe(0.1);
    expect(k.fallbackRate.value).toBe(0.04);
    // 50 requests in [100, 150): the median is the top of that bucket.
    expect(k.latencyP50Ms.value).toBe(150);
    // p95 is the 95th of 100: inside [750, 1000), 45 of 45 -> its upper bound.
    expect(k.latencyP95Ms.value).toBe(1000);
    expect(k.ttftP50Ms.value).toBeGreaterThanOrEqual(300);
    expect(k.ttftP50Ms.value).toBeLessThan(400);
  });

  it("an empty period has $0 and 0 requests but unknown rates and latencies", () => {
    const k = buildKpis({ current: null, previous: null });
    expect(k.spendUsd.value).toBe(0);
    expect(k.requests.value).toBe(0);
    expect(k.latencyP50Ms.value).toBeNull();
    expect(k.errorRate.value).toBeNull();
    expect(k.savingsPct.value).toBeNull();
    expect(k.requests.change).toBeNull();
  });

  it("no previous traffic gives no change rather than +infinity", () => {
    const k = buildKpis({ current: sums(), previous: null });
    expect(k.spendUsd.change).toBeNull();
    expect(k.requests.change).toBeNull();
    expect(k.errorRate.change).toBeNull();
  });

  it("reports requests without a price", () => {
    expect(buildKpis({ current: sums({ unpriced: 7 }), previous: null }).unpricedRequests).toBe(7);
  });
});
