// Pieces shared by the dashboard queries over the rollups. Values are always bound as
// parameters; the tenant id comes from the caller's context, never from request input.
import { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant-scope";
import { LATENCY_BUCKET_COUNT } from "../usage/latency-buckets";
import type { DashboardDimensions } from "./dashboard-filters";
import { DAY_MS } from "./resolve-window";

/** What a dashboard query needs of the signed-in member: the tenant-scoped client and its tenant. */
export interface AnalyticsScope {
  db: TenantDb;
  tenantId: string;
}

/** Rollups use '' for "none", so a filter value matches the column directly. */
function dimensionFilterSql(dimensions: Partial<DashboardDimensions>): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (dimensions.teamId) parts.push(Prisma.sql`AND "teamId" = ${dimensions.teamId}`);
  if (dimensions.apiKeyId) parts.push(Prisma.sql`AND "apiKeyId" = ${dimensions.apiKeyId}`);
  if (dimensions.category) parts.push(Prisma.sql`AND "category" = ${dimensions.category}`);
  if (dimensions.model) parts.push(Prisma.sql`AND "model" = ${dimensions.model}`);
  if (dimensions.policyId) parts.push(Prisma.sql`AND "policyId" = ${dimensions.policyId}`);
  return parts.length === 0 ? Prisma.empty : Prisma.join(parts, " ");
}

export type RollupColumn =
  | "category" | "model" | "teamId" | "apiKeyId" | "requests" | "errors" | "cacheHits" | "fallbacks" | "unpriced"
  | "emptyAnswers" | "refusals" | "truncations"
  | "costUsd" | "baselineCostUsd" | "ttftCount" | "latencyHistogram" | "ttftHistogram";

/**
 * The tenant's rollup rows covering [from, to) (whole hours), as a relation with the time
 * column "t" and the given columns: whole UTC days from the daily table, the hours at either
 * end from the hourly one. A month then costs ~30 rows per dimension combination, not ~720.
 * `hourlyOnly` is for hourly chart buckets, which a daily row cannot be split into.
 */
export function rollupRowsSql(
  scope: Pick<AnalyticsScope, "tenantId">, from: Date, to: Date, dimensions: Partial<DashboardDimensions>, columns: readonly RollupColumn[], hourlyOnly = false,
): Prisma.Sql {
  const selected = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  const filter = dimensionFilterSql(dimensions);
  const hourly = (a: Date, b: Date) =>
    Prisma.sql`SELECT "hour" AS "t", ${selected} FROM "UsageRollup" WHERE "tenantId" = ${scope.tenantId} AND "hour" >= ${a} AND "hour" < ${b} ${filter}`;
  const firstDay = new Date(Math.ceil(from.getTime() / DAY_MS) * DAY_MS);
  const endDay = new Date(Math.floor(to.getTime() / DAY_MS) * DAY_MS);
  if (hourlyOnly || firstDay >= endDay) return hourly(from, to);
  const parts = [
    Prisma.sql`SELECT "day" AS "t", ${selected} FROM "UsageRollupDaily" WHERE "tenantId" = ${scope.tenantId} AND "day" >= ${firstDay} AND "day" < ${endDay} ${filter}`,
  ];
  if (from < firstDay) parts.push(hourly(from, firstDay));
  if (endDay < to) parts.push(hourly(endDay, to));
  return Prisma.join(parts, " UNION ALL ");
}

/**
 * Element-wise sum of a histogram column as float8[]. One sum per cell is much cheaper than
 * unnesting every row's array, which matters over hundreds of thousands of rollup rows.
 */
export function summedHistogramSql(column: "latencyHistogram" | "ttftHistogram"): Prisma.Sql {
  const cells = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `coalesce(sum("${column}"[${i + 1}]), 0)::float8`);
  return Prisma.raw(`ARRAY[${cells.join(", ")}]`);
}
