// Chart series over time from per-bucket, per-model rows. Every bucket of the window is
// present; a bucket without any traffic holds null ("no data"), never 0. Within a bucket that
// has traffic, a model that served nothing spent $0 but has no latency (null).
import { percentileFromHistogram } from "../usage/latency-buckets";
import type { TimeSeriesRow } from "./query-time-series";

export interface SpendPoint {
  t: number;
  /** Spend per model; null for every model when the bucket has no traffic. */
  byModel: Record<string, number | null>;
}

export interface CostVsBaselinePoint {
  t: number;
  costUsd: number | null;
  baselineCostUsd: number | null;
  /** Requests without a price: their cost is missing from costUsd. */
  unpriced: number | null;
}

export interface LatencyPoint {
  t: number;
  p50: Record<string, number | null>;
  p95: Record<string, number | null>;
}

export interface TimeSeries {
  /** Models by total spend, then requests, largest first: the stacking and legend order. */
  models: string[];
  spend: SpendPoint[];
  costVsBaseline: CostVsBaselinePoint[];
  latency: LatencyPoint[];
}

export function buildTimeSeries(rows: readonly TimeSeriesRow[], bucketStarts: readonly number[]): TimeSeries {
  const totals = new Map<string, { cost: number; requests: number }>();
  const byBucket = new Map<number, TimeSeriesRow[]>();
  for (const row of rows) {
    const total = totals.get(row.model) ?? { cost: 0, requests: 0 };
    total.cost += row.costUsd;
    total.requests += row.requests;
    totals.set(row.model, total);
    const t = row.bucket.getTime();
    const inBucket = byBucket.get(t);
    if (inBucket) inBucket.push(row);
    else byBucket.set(t, [row]);
  }
  const models = [...totals.entries()]
    .sort(([a, x], [b, y]) => y.cost - x.cost || y.requests - x.requests || a.localeCompare(b))
    .map(([model]) => model);

  const spend: SpendPoint[] = [];
  const costVsBaseline: CostVsBaselinePoint[] = [];
  const latency: LatencyPoint[] = [];
  for (const t of bucketStarts) {
    const bucketRows = byBucket.get(t) ?? [];
    const hasData = bucketRows.length > 0;
    const find = (model: string) => bucketRows.find((r) => r.model === model);
    spend.push({ t, byModel: Object.fromEntries(models.map((m) => [m, hasData ? (find(m)?.costUsd ?? 0) : null])) });
    costVsBaseline.push({
      t,
      costUsd: hasData ? sum(bucketRows, "costUsd") : null,
      baselineCostUsd: hasData ? sum(bucketRows, "baselineCostUsd") : null,
      unpriced: hasData ? sum(bucketRows, "unpriced") : null,
    });
    const percentile = (p: number) =>
      Object.fromEntries(models.map((m) => {
        const row = find(m);
        return [m, row ? percentileFromHistogram(row.latencyHistogram, p) : null];
      }));
    latency.push({ t, p50: percentile(0.5), p95: percentile(0.95) });
  }
  return { models, spend, costVsBaseline, latency };
}

function sum(rows: readonly TimeSeriesRow[], key: "costUsd" | "baselineCostUsd" | "unpriced"): number {
  return rows.reduce((s, r) => s + r[key], 0);
}
