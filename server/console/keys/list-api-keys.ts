// Keys with their month-to-date spend, read from the hourly rollups.
import type { TenantActor } from "../actor";
import { keySummarySelect, toKeySummary } from "./key-summary";

export function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export async function listApiKeys(actor: TenantActor, now = new Date()) {
  const rows = await actor.db.apiKey.findMany({ select: keySummarySelect, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }] });
  const spend = await actor.db.usageRollup.groupBy({
    by: ["apiKeyId"],
    where: { hour: { gte: startOfUtcMonth(now) }, apiKeyId: { in: rows.map((r) => r.id) } },
    _sum: { costUsd: true, requests: true, unpriced: true },
  });
  const byKey = new Map(spend.map((s) => [s.apiKeyId, s._sum]));
  return rows.map((row) => {
    const sums = byKey.get(row.id);
    return {
      ...toKeySummary(row, now),
      monthToDate: {
        requests: sums?.requests ?? 0,
        costUsd: Number(sums?.costUsd ?? 0),
        /** Requests whose price was unknown: the spend is then a lower bound. */
        unpricedRequests: sums?.unpriced ?? 0,
      },
    };
  });
}
