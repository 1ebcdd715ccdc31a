/**
 * Writes one tenant's alert plan (budget or drift): new alerts are created (a dedupe key already
 * on record is skipped), current ones refreshed with their latest title, severity and details,
 * and the ones whose cause is gone resolved. Counts go into the round's report.
 */
import type { Prisma } from "../db/generated/client";

export interface AlertRoundCounts {
  raised: number;
  refreshed: number;
  resolved: number;
}

interface Draft {
  dedupeKey: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  severity: string;
  title: string;
  details: object;
}

export interface AlertPlan {
  raise: readonly Draft[];
  refresh: readonly { id: string; draft: Draft }[];
  resolve: readonly string[];
}

// Alert details are plain JSON by construction (strings, numbers, null, nested records).
const asJson = (v: object) => v as Prisma.InputJsonValue;

export async function writeAlertPlan(tx: Prisma.TransactionClient, tenantId: string, plan: AlertPlan, now: Date, counts: AlertRoundCounts): Promise<void> {
  if (plan.raise.length > 0) {
    const created = await tx.alert.createMany({
      data: plan.raise.map((d) => ({ tenantId, ...d, details: asJson(d.details), firstSeenAt: now, lastSeenAt: now })),
      skipDuplicates: true,
    });
    counts.raised += created.count;
  }
  for (const { id, draft } of plan.refresh) {
    await tx.alert.update({ where: { id }, data: { title: draft.title, severity: draft.severity, details: asJson(draft.details), lastSeenAt: now } });
  }
  counts.refreshed += plan.refresh.length;
  if (plan.resolve.length > 0) {
    const resolved = await tx.alert.updateMany({ where: { id: { in: [...plan.resolve] }, status: { not: "resolved" } }, data: { status: "resolved", resolvedAt: now } });
    counts.resolved += resolved.count;
  }
}
