// Month-to-date spend read back from the hourly usage rollups, so budgets survive restarts
// (and a Redis flush): a budget counter starts from what the database already recorded.
import type { Db } from "../db/client";
import type { SpendLoader } from "./limiter";

export function monthToDateSpendFrom(db: Db): SpendLoader {
  return async (tenantId, scope, from) => {
    const owner = scope.kind === "key" ? { apiKeyId: scope.id } : { teamId: scope.id };
    const sum = await db.usageRollup.aggregate({ _sum: { costUsd: true }, where: { tenantId, hour: { gte: from }, ...owner } });
    return Number(sum._sum.costUsd ?? 0);
  };
}
