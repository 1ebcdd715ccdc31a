// Requests and spend per task category and model over the window.
import { Prisma } from "../db/generated/client";
import type { DashboardDimensions } from "./dashboard-filters";
import type { DashboardWindow } from "./resolve-window";
import { rollupRowsSql, type AnalyticsScope } from "./rollup-query-parts";

export interface CategoryModelRow {
  category: string;
  model: string;
  requests: number;
  unpriced: number;
  costUsd: number;
}

export function queryCategoryMix(scope: AnalyticsScope, window: DashboardWindow, dimensions: DashboardDimensions): Promise<CategoryModelRow[]> {
  return scope.db.$queryRaw<CategoryModelRow[]>(Prisma.sql`
    SELECT "category", "model", sum("requests")::float8 AS "requests", sum("unpriced")::float8 AS "unpriced",
      sum("costUsd")::float8 AS "costUsd"
    FROM (${rollupRowsSql(scope, window.from, window.to, dimensions, ["category", "model", "requests", "unpriced", "costUsd"])}) r
    GROUP BY 1, 2`);
}
