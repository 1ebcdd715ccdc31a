// Keys with their month-to-date spend, read from the hourly rollups.
import type { Prisma } from "../../db/generated/client";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { forecastBudget } from "../../alerts/budget-alerts";
import { TENANT_LIMITS } from "../tenant-limits";
import { keySummarySelect, toKeySummary } from "./key-summary";

/** Revoked keys listed after the active ones, newest first: each rotation leaves one behind. */
export const REVOKED_KEYS_LISTED = 100;

export function startOfUtcMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export async function listApiKeys(actor: TenantActor, now = new Date(), where: Prisma.ApiKeyWhereInput = {}) {
  const rows = await actor.db.apiKey.findMany({
    where,
    select: keySummarySelect,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: TENANT_LIMITS.activeApiKeys + REVOKED_KEYS_LISTED,
  });
  const spend = await actor.db.usageRollup.groupBy({
    by: ["apiKeyId"],
    where: { hour: { gte: startOfUtcMonth(now) }, apiKeyId: { in: rows.map((r) => r.id) } },
    _sum: { costUsd: true, requests: true, unpriced: true },
  });
  const byKey = new Map(spend.map((s) => [s.apiKeyId, s._sum]));
  // The last week's spend sets the forecast's pace once the month has run a week (see forecastBudget).
  const budgeted = rows.filter((r) => r.monthlyBudgetUsd !== null).map((r) => r.id);
  const week = budgeted.length === 0 ? [] : await actor.db.usageRollup.groupBy({
    by: ["apiKeyId"],
    where: { hour: { gte: new Date(now.getTime() - 7 * 86_400_000) }, apiKeyId: { in: budgeted } },
    _sum: { costUsd: true },
  });
  const weekByKey = new Map(week.map((s) => [s.apiKeyId, Number(s._sum.costUsd ?? 0)]));
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
      /** When the monthly budget runs out at the current pace; null without a budget. */
      budgetForecast: row.monthlyBudgetUsd === null ? null : forecastBudget({
        budgetUsd: Number(row.monthlyBudgetUsd), spentUsd: Number(sums?.costUsd ?? 0), last7DaysUsd: weekByKey.get(row.id) ?? 0,
      }, now),
    };
  });
}

/** One key, as the list shows it; another tenant's id is not found. */
export async function getApiKey(actor: TenantActor, id: string, now = new Date()) {
  const [key] = await listApiKeys(actor, now, { id });
  if (!key) throw notFound("API key");
  return key;
}
