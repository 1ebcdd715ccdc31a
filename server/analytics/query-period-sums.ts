// Totals of the current and the previous period from the rollups.
import { Prisma } from "../db/generated/client";
import type { DashboardDimensions } from "./dashboard-filters";
import type { DashboardWindow } from "./resolve-window";
import { rollupRowsSql, summedHistogramSql, type AnalyticsScope, type RollupColumn } from "./rollup-query-parts";

export interface PeriodSums {
  requests: number;
  errors: number;
  cacheHits: number;
  fallbacks: number;
  unpriced: number;
  costUsd: number;
  baselineCostUsd: number;
  ttftCount: number;
  latencyHistogram: number[];
  ttftHistogram: number[];
}

/** null = no rollup rows in that period. */
export interface PeriodSumsPair {
  current: PeriodSums | null;
  previous: PeriodSums | null;
}

const COLUMNS: RollupColumn[] = ["requests", "errors", "cacheHits", "fallbacks", "unpriced", "costUsd", "baselineCostUsd", "ttftCount", "latencyHistogram", "ttftHistogram"];

async function querySums(scope: AnalyticsScope, from: Date, to: Date, dimensions: DashboardDimensions): Promise<PeriodSums | null> {
  const rows = await scope.db.$queryRaw<(PeriodSums & { rows: number })[]>(Prisma.sql`
    SELECT count(*)::int AS "rows",
      coalesce(sum("requests"), 0)::float8 AS "requests", coalesce(sum("errors"), 0)::float8 AS "errors",
      coalesce(sum("cacheHits"), 0)::float8 AS "cacheHits", coalesce(sum("fallbacks"), 0)::float8 AS "fallbacks",
      coalesce(sum("unpriced"), 0)::float8 AS "unpriced", coalesce(sum("costUsd"), 0)::float8 AS "costUsd",
      coalesce(sum("baselineCostUsd"), 0)::float8 AS "baselineCostUsd", coalesce(sum("ttftCount"), 0)::float8 AS "ttftCount",
      ${summedHistogramSql("latencyHistogram")} AS "latencyHistogram",
      ${summedHistogramSql("ttftHistogram")} AS "ttftHistogram"
    FROM (${rollupRowsSql(scope, from, to, dimensions, COLUMNS)}) r`);
  const row = rows[0];
  if (!row || row.rows === 0) return null;
  const { rows: _, ...sums } = row;
  return sums;
}

/** The two periods are independent scans, run side by side: together they take about as long as one. */
export async function queryPeriodSums(scope: AnalyticsScope, window: DashboardWindow, dimensions: DashboardDimensions): Promise<PeriodSumsPair> {
  const [current, previous] = await Promise.all([
    querySums(scope, window.from, window.to, dimensions),
    querySums(scope, window.previousFrom, window.previousTo, dimensions),
  ]);
  return { current, previous };
}
