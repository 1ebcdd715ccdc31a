// Totals of a tenant's traffic over a period, read from the hourly rollups.
import type { PrismaClient } from "../db/generated/client";

export interface PeriodTotals {
  requests: number;
  costUsd: number;
  baselineCostUsd: number;
  /** null when there is no baseline spend to compare with (no data is not 0 %). */
  savingsPct: number | null;
}

export async function periodTotals(db: PrismaClient, tenantId: string, from: Date, to: Date): Promise<PeriodTotals> {
  const sums = await db.usageRollup.aggregate({
    where: { tenantId, hour: { gte: from, lt: to } },
    _sum: { requests: true, costUsd: true, baselineCostUsd: true },
  });
  const costUsd = Number(sums._sum.costUsd ?? 0);
  const baselineCostUsd = Number(sums._sum.baselineCostUsd ?? 0);
  return {
    requests: sums._sum.requests ?? 0,
    costUsd,
    baselineCostUsd,
    savingsPct: baselineCostUsd > 0 ? (1 - costUsd / baselineCostUsd) * 100 : null,
  };
}
