// The recorded requests a what-if replays: one policy's routed requests in a window, newest
// first, only the columns replay needs, read with the (tenantId, createdAt) index.
import { Prisma } from "../../db/generated/client";
import type { Db } from "../../db/client";
import type { ReplayRow } from "../../routing/replay-policy";

/** The most recent requests a what-if replays: bounds its query, transfer and replay. */
export const WHAT_IF_MAX_ROWS = 100_000;

export interface ReplayRows {
  rows: ReplayRow[];
  /** Every routed request of the policy in the window (more than rows.length when capped). */
  total: number;
}

/**
 * Routed requests are those sent with `model: "auto"` or the policy's name: a request for a named
 * model was not routed and has nothing to replay. Raw SQL names the tenant itself (the tenant
 * scope covers Prisma's model queries only).
 */
export async function readReplayRows(db: Pick<Db, "$queryRaw">, scope: { tenantId: string; policyId: string; policyName: string; from: Date; to: Date }, limit = WHAT_IF_MAX_ROWS): Promise<ReplayRows> {
  const where = Prisma.sql`"tenantId" = ${scope.tenantId} AND "createdAt" >= ${scope.from} AND "createdAt" < ${scope.to}
    AND "policyId" = ${scope.policyId} AND "category" IS NOT NULL AND "requestedModel" IN ('auto', ${scope.policyName})`;
  const rows = await db.$queryRaw<ReplayRow[]>(Prisma.sql`
    SELECT "id", "category", "categorySource", "difficulty", "inputTokens", "outputTokens",
      "estimatedInputTokens", "maxOutputTokens", "forcedCategory", "classifierCategory", "classifierConfidence"
    FROM "RequestLog" WHERE ${where}
    ORDER BY "createdAt" DESC LIMIT ${limit}`);
  if (rows.length < limit) return { rows, total: rows.length };
  // Capped: how many there were in all, so that the result can say "based on N of M requests".
  const [count] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT count(*)::float8 AS "n" FROM "RequestLog" WHERE ${where}`);
  return { rows, total: count?.n ?? rows.length };
}
