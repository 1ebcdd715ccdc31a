// The number of requests that match the filters, counted up to a cap: beyond it the console says
// "10,000+", so a wide filter on a large log never counts millions of rows.
import type { TenantActor } from "../actor";
import type { LogFilters } from "../schemas/logs";
import { logWhere } from "./log-where";

export const COUNT_CAP = 10_000;

export async function countRequestLogs(actor: TenantActor, filters: LogFilters): Promise<{ count: number; capped: boolean }> {
  const count = await actor.db.requestLog.count({ where: await logWhere(actor, filters), take: COUNT_CAP + 1 });
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}
