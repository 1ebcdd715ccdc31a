// Pieces shared by the dashboard queries over UsageRollup. Values are always bound as
// parameters; the tenant id comes from the caller's context, never from request input.
import { Prisma } from "../db/generated/client";
import type { TenantDb } from "../db/tenant-scope";
import { LATENCY_BUCKET_COUNT } from "../usage/latency-buckets";
import type { DashboardDimensions } from "./dashboard-filters";

/** What a dashboard query needs of the signed-in member: the tenant-scoped client and its tenant. */
export interface AnalyticsScope {
  db: TenantDb;
  tenantId: string;
}

/** Rollups use '' for "none", so a filter value matches the column directly. */
export function dimensionFilterSql(dimensions: Partial<DashboardDimensions>): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (dimensions.teamId) parts.push(Prisma.sql`AND "teamId" = ${dimensions.teamId}`);
  if (dimensions.apiKeyId) parts.push(Prisma.sql`AND "apiKeyId" = ${dimensions.apiKeyId}`);
  if (dimensions.category) parts.push(Prisma.sql`AND "category" = ${dimensions.category}`);
  if (dimensions.model) parts.push(Prisma.sql`AND "model" = ${dimensions.model}`);
  if (dimensions.policyId) parts.push(Prisma.sql`AND "policyId" = ${dimensions.policyId}`);
  return parts.length === 0 ? Prisma.empty : Prisma.join(parts, " ");
}

/**
 * Element-wise sum of a histogram column as float8[]. One sum per cell is much cheaper than
 * unnesting every row's array, which matters over hundreds of thousands of rollup rows.
 */
export function summedHistogramSql(column: "latencyHistogram" | "ttftHistogram"): Prisma.Sql {
  const cells = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `coalesce(sum("${column}"[${i + 1}]), 0)::float8`);
  return Prisma.raw(`ARRAY[${cells.join(", ")}]`);
}
