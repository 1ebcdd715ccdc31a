// Rebuilds the rollups of a time range from the request rows, with the same SQL the usage
// writer runs on every batch, so a rebuilt range equals what the writer produced. Hourly rows
// are rebuilt for the range; daily rows for every UTC day the range touches.
import type { PrismaClient } from "../db/generated/client";
import { ROLLUP_GRAINS, upsertRollupsFromSql, type RollupGrain } from "../usage/rollup-sql";
import { DAY_MS, HOUR_MS } from "./resolve-window";

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

/** Returns the number of request rows aggregated and hourly rollup rows written. */
export async function rebuildRollups(db: PrismaClient, range: RebuildRange): Promise<{ requests: number; rollups: number }> {
  assertHourAligned(range);
  const days = {
    from: new Date(Math.floor(range.from.getTime() / DAY_MS) * DAY_MS),
    to: new Date(Math.ceil(range.to.getTime() / DAY_MS) * DAY_MS),
  };
  const tenantCondition = range.tenantId ? `AND "tenantId" = $3` : "";
  const paramsFor = (span: { from: Date; to: Date }) => (range.tenantId ? [span.from, span.to, range.tenantId] : [span.from, span.to]);
  const requestRows = `(SELECT * FROM "RequestLog" WHERE "createdAt" >= $1 AND "createdAt" < $2 ${tenantCondition})`;

  return db.$transaction(async (tx) => {
    // Blocks the usage writer's upserts (ROW EXCLUSIVE) until commit. A batch that committed
    // before the lock is in the rows read below; one that waits adds itself on top afterwards.
    // Either way nothing is lost or counted twice.
    await tx.$executeRawUnsafe(`LOCK TABLE "UsageRollup", "UsageRollupDaily" IN SHARE ROW EXCLUSIVE MODE`);
    const rebuild = async (grain: RollupGrain, span: { from: Date; to: Date }) => {
      const { table, time } = ROLLUP_GRAINS[grain];
      await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${time}" >= $1 AND "${time}" < $2 ${tenantCondition}`, ...paramsFor(span));
      return tx.$executeRawUnsafe(upsertRollupsFromSql(requestRows, grain), ...paramsFor(span));
    };
    const rollups = await rebuild("hour", range);
    await rebuild("day", days);
    const counted = await tx.$queryRawUnsafe<{ requests: number }[]>(`SELECT count(*)::int AS requests FROM ${requestRows} r`, ...paramsFor(range));
    return { requests: counted[0]?.requests ?? 0, rollups };
  }, { timeout: 30 * 60_000, maxWait: 60_000 });
}
