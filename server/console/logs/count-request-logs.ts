// The number of requests that match the filters, counted up to a cap (lists/capped-count.ts).
import type { TenantActor } from "../actor";
import { COUNT_CAP, cappedCount, type CappedCount } from "../lists/capped-count";
import type { LogFilters } from "../schemas/logs";
import { logWhere } from "./log-where";

export async function countRequestLogs(actor: TenantActor, filters: LogFilters): Promise<CappedCount> {
  return cappedCount(await actor.db.requestLog.count({ where: await logWhere(actor, filters), take: COUNT_CAP + 1 }));
}
