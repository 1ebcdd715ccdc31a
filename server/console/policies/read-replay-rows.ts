// The recorded requests a what-if replays: one policy's routed requests in a window, newest
// first, only the columns replay needs, read with the (tenantId, createdAt) index.
import { Prisma } from "../../db/generated/client";
import type { Db } from "../../db/client";
import { rollupRowsSql } from "../../analytics/rollup-query-parts";
import type { ReplayRow } from "../../routing/replay-policy";

/** The most recent requests a what-if replays: bounds its query, transfer and replay. */
export const WHAT_IF_MAX_ROWS = 100_000;

const DAY_MS = 86_400_000;

export interface ReplayRows {
  rows: ReplayRow[];
  /** Every routed request of the policy in the window (more than rows.length when capped). */
  total: number;
  /** When capped: total is the policy's requests with a category in the window's whole hours, from the hourly rollups. */
  totalEstimated: boolean;
}

interface Scope {
  tenantId: string;
  policyId: string;
  policyName: string;
  from: Date;
  to: Date;
}

/**
 * Routed requests are those sent with `model: "auto"` or the policy's name: a request for a named
 * model was not routed and has nothing to replay. Raw SQL names the tenant itself (the tenant
 * scope covers Prisma's model queries only).
 *
 * Read one day at a time from the newest: a day's range is selective enough that PostgreSQL
 * always walks the index backwards and stops at the limit, where one query over 30 days of a
 * large tenant was planned as a scan and sort of every row of the window.
 */
export async function readReplayRows(db: Pick<Db, "$queryRaw">, scope: Scope, limit = WHAT_IF_MAX_ROWS): Promise<ReplayRows> {
  const rows: ReplayRow[] = [];
  for (let end = scope.to.getTime(); end > scope.from.getTime() && rows.length < limit; end -= DAY_MS) {
    const start = new Date(Math.max(scope.from.getTime(), end - DAY_MS));
    const day = await db.$queryRaw<ReplayRow[]>(Prisma.sql`
      SELECT "id", "category", "categorySource", "difficulty", "inputTokens", "outputTokens",
        "estimatedInputTokens", "maxOutputTokens", "forcedCategory", "classifierCategory", "classifierConfidence",
        "needsStructuredOutput"
      FROM "RequestLog"
      WHERE "tenantId" = ${scope.tenantId} AND "createdAt" >= ${start} AND "createdAt" < ${new Date(end)}
        AND "policyId" = ${scope.policyId} AND "category" IS NOT NULL AND "requestedModel" IN ('auto', ${scope.policyName})
      ORDER BY "createdAt" DESC LIMIT ${limit - rows.length}`);
    for (const row of day) rows.push(row);
  }
  if (rows.length < limit) return { rows, total: rows.length, totalEstimated: false };
  // Capped: counting every row of a long window would cost more than reading the rows; the
  // rollups give the policy's requests with a category (named-model requests of its keys included).
  const [count] = await db.$queryRaw<{ n: number | null }[]>(Prisma.sql`
    SELECT sum("requests")::float8 AS "n" FROM (${rollupRowsSql(scope, scope.from, scope.to, { policyId: scope.policyId }, ["category", "requests"])}) r
    WHERE "category" <> ''`);
  return { rows, total: Math.max(count?.n ?? 0, rows.length), totalEstimated: true };
}
