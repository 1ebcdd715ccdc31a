// Totals of the current and the previous period in one scan of the rollups.
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

type Row = PeriodSums & { isCurrent: boolean };

const COLUMNS: RollupColumn[] = ["requests", "errors", "cacheHits", "fallbacks", "unpriced", "costUsd", "baselineCostUsd", "ttftCount", "latencyHistogram", "ttftHistogram"];

export async function queryPeriodSums(scope: AnalyticsScope, window: DashboardWindow, dimensions: DashboardDimensions): Promise<PeriodSumsPair> {
  const rows = await scope.db.$queryRaw<Row[]>(Prisma.sql`
    SELECT "isCurrent",
      sum("requests")::float8 AS "requests", sum("errors")::float8 AS "errors",
      sum("cacheHits")::float8 AS "cacheHits", sum("fallbacks")::float8 AS "fallbacks",
      sum("unpriced")::float8 AS "unpriced", sum("costUsd")::float8 AS "costUsd",
      sum("baselineCostUsd")::float8 AS "baselineCostUsd", sum("ttftCount")::float8 AS "ttftCount",
      ${summedHistogramSql("latencyHistogram")} AS "latencyHistogram",
      ${summedHistogramSql("ttftHistogram")} AS "ttftHistogram"
    FROM (
      SELECT true AS "isCurrent", c.* FROM (${rollupRowsSql(scope, window.from, window.to, dimensions, COLUMNS)}) c
      UNION ALL
      SELECT false, p.* FROM (${rollupRowsSql(scope, window.previousFrom, window.previousTo, dimensions, COLUMNS)}) p
    ) r
    GROUP BY 1`);
  const pick = (isCurrent: boolean) => {
    const row = rows.find((r) => r.isCurrent === isCurrent);
    if (!row) return null;
    const { isCurrent: _, ...sums } = row;
    return sums;
  };
  return { current: pick(true), previous: pick(false) };
}
