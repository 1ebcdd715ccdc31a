// Rebuilds the hourly rollups of a time range from the request rows, with the same SQL the
// usage writer runs on every batch, so a rebuilt range equals what the writer produced.
import type { PrismaClient } from "../db/generated/client";
import { upsertRollupsFromSql } from "../usage/rollup-sql";
import { HOUR_MS } from "./resolve-window";

export interface RebuildRange {
  from: Date;
  to: Date;
  /** Only this tenant's rollups; all tenants when absent. */
  tenantId?: string | null;
}

export function assertHourAligned(range: RebuildRange): void {
  for (const [name, date] of [["from", range.from], ["to", range.to]] as const) {
    if (Number.isNaN(date.getTime())) throw new Error(`--${name} is not a valid date`);
    if (date.getTime() % HOUR_MS !== 0) throw new Error(`--${name} must be on a whole hour (UTC), e.g. 2026-11-01T00:00:00Z`);
  }
  if (range.from >= range.to) throw new Error("--from must be before --to");
}

/** Returns the number of request rows aggregated and rollup rows written. */
export async function rebuildRollups(db: PrismaClient, range: RebuildRange): Promise<{ requests: number; rollups: number }> {
  assertHourAligned(range);
  const params: unknown[] = [range.from, range.to];
  let tenantCondition = "";
  if (range.tenantId) {
    params.push(range.tenantId);
    tenantCondition = `AND "tenantId" = $3`;
  }
  const requestRows = `(SELECT * FROM "RequestLog" WHERE "createdAt" >= $1 AND "createdAt" < $2 ${tenantCondition})`;
  return db.$transaction(async (tx) => {
    // Blocks the usage writer's upserts (ROW EXCLUSIVE) until commit. A batch that committed
    // before the lock is in the rows read below; one that waits adds itself on top afterwards.
    // Either way nothing is lost or counted twice.
    await tx.$executeRawUnsafe(`LOCK TABLE "UsageRollup" IN SHARE ROW EXCLUSIVE MODE`);
    await tx.$executeRawUnsafe(`DELETE FROM "UsageRollup" WHERE "hour" >= $1 AND "hour" < $2 ${tenantCondition}`, ...params);
    const rollups = await tx.$executeRawUnsafe(upsertRollupsFromSql(requestRows), ...params);
    const counted = await tx.$queryRawUnsafe<{ requests: number }[]>(`SELECT count(*)::int AS requests FROM ${requestRows} r`, ...params);
    return { requests: counted[0]?.requests ?? 0, rollups };
  }, { timeout: 30 * 60_000, maxWait: 60_000 });
}
