// Per chart bucket and model: requests, spend, baseline spend and the latency histogram. One
// scan feeds the spend, savings-gap and latency charts.
import { Prisma } from "../db/generated/client";
import type { DashboardDimensions } from "./dashboard-filters";
import type { DashboardWindow } from "./resolve-window";
import { rollupRowsSql, summedHistogramSql, type AnalyticsScope } from "./rollup-query-parts";

export interface TimeSeriesRow {
  bucket: Date;
  model: string;
  requests: number;
  unpriced: number;
  costUsd: number;
  baselineCostUsd: number;
  latencyHistogram: number[];
}

const COLUMNS = ["model", "requests", "unpriced", "costUsd", "baselineCostUsd", "latencyHistogram"] as const;

export function queryTimeSeries(scope: AnalyticsScope, window: DashboardWindow, dimensions: DashboardDimensions): Promise<TimeSeriesRow[]> {
  // Windows are aligned to the bucket size, so date_trunc gives exactly the window's buckets.
  return scope.db.$queryRaw<TimeSeriesRow[]>(Prisma.sql`
    SELECT date_trunc(${window.bucket}, "t") AS "bucket", "model",
      sum("requests")::float8 AS "requests", sum("unpriced")::float8 AS "unpriced",
      sum("costUsd")::float8 AS "costUsd", sum("baselineCostUsd")::float8 AS "baselineCostUsd",
      ${summedHistogramSql("latencyHistogram")} AS "latencyHistogram"
    FROM (${rollupRowsSql(scope, window.from, window.to, dimensions, COLUMNS, window.bucket === "hour")}) r
    GROUP BY 1, 2`);
}
