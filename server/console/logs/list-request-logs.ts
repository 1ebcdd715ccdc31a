// Request logs, newest first, filtered and cursor-paginated by (createdAt, id) so pages stay
// stable while new requests arrive.
import type { Prisma } from "../../db/generated/client";
import type { TenantActor } from "../actor";
import { invalid } from "../console-error";
import type { LogFilters } from "../schemas/logs";
import { logWhere } from "./log-where";

/** Rows after (createdAt, id) in newest-first order. */
export function olderThan(createdAt: Date, id: string): Prisma.RequestLogWhereInput {
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, ...id] = cursor.split("_");
  const createdAt = new Date(Number(time));
  if (Number.isNaN(createdAt.getTime()) || id.length === 0) throw invalid("Bad page cursor");
  return { createdAt, id: id.join("_") };
}

export async function listRequestLogs(actor: TenantActor, input: { filters: LogFilters; cursor?: string | null; limit: number }) {
  const where = await logWhere(actor, input.filters);
  if (input.cursor) {
    const { createdAt, id } = decodeCursor(input.cursor);
    where.AND = [...[where.AND ?? []].flat(), olderThan(createdAt, id)];
  }
  const rows = await actor.db.requestLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: {
      id: true, createdAt: true, apiKeyId: true, teamId: true, category: true, chosenModel: true, requestedModel: true,
      status: true, costUsd: true, latencyMs: true, cacheHit: true, fallbackCount: true, simulated: true,
    },
  });
  const page = rows.slice(0, input.limit);
  const [keys, teams] = await Promise.all([
    actor.db.apiKey.findMany({ where: { id: { in: uniqueIds(page.map((r) => r.apiKeyId)) } }, select: { id: true, name: true, prefix: true } }),
    actor.db.team.findMany({ where: { id: { in: uniqueIds(page.map((r) => r.teamId)) } }, select: { id: true, name: true } }),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      ...r,
      // Null stays null: an unpriced request is shown as "unpriced", never as $0.
      costUsd: r.costUsd === null ? null : Number(r.costUsd),
      keyName: keys.find((k) => k.id === r.apiKeyId)?.name ?? null,
      teamName: teams.find((t) => t.id === r.teamId)?.name ?? null,
    })),
    nextCursor: rows.length > input.limit && last ? `${last.createdAt.getTime()}_${last.id}` : null,
  };
}

function uniqueIds(ids: (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}
