import { describe, expect, it } from "vitest";
import { LATENCY_BUCKET_COUNT } from "../usage/latency-buckets";
import { buildTimeSeries } from "./build-time-series";
import type { TimeSeriesRow } from "./query-time-series";

const H = 3_600_000;
const T0 = Date.UTC(2026, 10, 25, 0);
const hist = (bucket: number, n: number) => Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => (i === bucket ? n : 0));
const row = (hour: number, model: string, costUsd: number, extra: Partial<TimeSeriesRow> = {}): TimeSeriesRow => ({
  bucket: new Date(T0 + hour * H), model, requests: 10, unpriced: 0, costUsd, baselineCostUsd: costUsd * 2, latencyHistogram: hist(3, 10), ...extra,
});

describe("buildTimeSeries", () => {
  const starts = [0, 1, 2, 3].map((h) => T0 + h * H);
  const series = buildTimeSeries([row(0, "small", 1), row(0, "large", 5), row(2, "small", 2, { unpriced: 3 })], starts);

  it("orders models by spend and keeps every bucket of the window", () => {
    expect(series.models).toEqual(["large", "small"]);
    expect(series.spend.map((p) => p.t)).toEqual(starts);
  });

  it("a bucket without traffic is no data (null), a model absent from a busy bucket spent $0", () => {
    expect(series.spend.map((p) => p.byModel)).toEqual([
      { large: 5, small: 1 },
      { large: null, small: null },
      { large: 0, small: 2 },
      { large: null, small: null },
    ]);
  });

  it("sums actual and baseline cost per bucket and carries unpriced requests", () => {
    expect(series.costVsBaseline).toEqual([
      { t: starts[0], costUsd: 6, baselineCostUsd: 12, unpriced: 0 },
      { t: starts[1], costUsd: null, baselineCostUsd: null, unpriced: null },
      { t: starts[2], costUsd: 2, baselineCostUsd: 4, unpriced: 3 },
      { t: starts[3], costUsd: null, baselineCostUsd: null, unpriced: null },
    ]);
  });

  it("latency of a model that served nothing in a bucket is unknown, never 0 ms", () => {
    // Bucket 3 is [100, 150) ms: 10 requests, median interpolated half-way.
    expect(series.latency[0]!.p50).toEqual({ large: 125, small: 125 });
    expect(series.latency[2]!.p50).toEqual({ large: null, small: 125 });
    expect(series.latency[1]!.p95).toEqual({ large: null, small: null });
  });

  it("no rows at all gives a full window of no data", () => {
    const empty = buildTimeSeries([], starts);
    expect(empty.models).toEqual([]);
    expect(empty.costVsBaseline.every((p) => p.costUsd === null)).toBe(true);
  });
});
