// Spend per team and per API key in one scan (grouping sets). Used for the top spenders over
// the window and for month-to-date budget burn.
import { Prisma } from "../db/generated/client";
import type { DashboardDimensions } from "./dashboard-filters";
import { rollupRowsSql, type AnalyticsScope } from "./rollup-query-parts";

export interface OwnerSpendRow {
  kind: "team" | "key";
  /** '' = requests without a team (or key). */
  id: string;
  requests: number;
  costUsd: number;
}

export function querySpendByOwner(scope: AnalyticsScope, from: Date, to: Date, dimensions: Partial<DashboardDimensions>): Promise<OwnerSpendRow[]> {
  return scope.db.$queryRaw<OwnerSpendRow[]>(Prisma.sql`
    SELECT CASE WHEN grouping("teamId") = 0 THEN 'team' ELSE 'key' END AS "kind",
      CASE WHEN grouping("teamId") = 0 THEN "teamId" ELSE "apiKeyId" END AS "id",
      sum("requests")::float8 AS "requests", sum("costUsd")::float8 AS "costUsd"
    FROM (${rollupRowsSql(scope, from, to, dimensions, ["teamId", "apiKeyId", "requests", "costUsd"])}) r
    GROUP BY GROUPING SETS (("teamId"), ("apiKeyId"))`);
}
