// Text search over the request logs: request ids, model names, key names, and the prompts and
// answers of policies that store them.
//
// Bounded so that it stays fast on a large log: it only looks at a time window (the filters'
// From, else the last 7 days, and never more than 31 days), bodies are found through a trigram
// index (RequestBody_text_trgm_idx, whose expression BODY_TEXT repeats) for terms of 3 or more
// characters, and at most BODY_MATCH_LIMIT bodies are taken, newest first. The other conditions
// run on RequestLog's (tenantId, createdAt) index within the same window, and the list stops at
// its page size, the count at its cap.
import { Prisma } from "../../db/generated/client";
import type { TenantActor } from "../actor";
import type { LogFilters } from "../schemas/logs";

const DAY_MS = 86_400_000;
export const SEARCH_DEFAULT_DAYS = 7;
export const SEARCH_MAX_DAYS = 31;
/** Shorter terms have no trigram: they match ids, models and keys, never bodies. */
const MIN_BODY_TERM = 3;
const BODY_MATCH_LIMIT = 1_000;
const BODY_TEXT = Prisma.sql`("prompt"::text || ' ' || coalesce("answer", ''))`;

/** The time span a search looks at. */
export function searchWindow(filters: Pick<LogFilters, "from" | "to">, now: Date): { from: Date; to: Date } {
  const to = filters.to ?? now;
  const earliest = new Date(to.getTime() - SEARCH_MAX_DAYS * DAY_MS);
  const from = filters.from ?? new Date(to.getTime() - SEARCH_DEFAULT_DAYS * DAY_MS);
  return { from: from < earliest ? earliest : from, to };
}

/**
 * `%`, `_` and `\` are LIKE's own characters: a search for "50%" means those three characters.
 * Prisma's `contains` does not escape them either, so both kinds of query take the escaped term.
 */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The conditions a search term adds to the log query. */
export async function searchConditions(actor: TenantActor, term: string, window: { from: Date; to: Date }): Promise<Prisma.RequestLogWhereInput> {
  const escaped = escapeLike(term);
  const pattern = `%${escaped}%`;
  const [keys, bodies] = await Promise.all([
    actor.db.apiKey.findMany({ where: { name: { contains: escaped, mode: "insensitive" } }, select: { id: true }, take: 100 }),
    term.length < MIN_BODY_TERM ? [] : actor.db.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "RequestBody"
      WHERE "tenantId" = ${actor.tenantId} AND "createdAt" >= ${window.from} AND "createdAt" < ${window.to} AND ${BODY_TEXT} ILIKE ${pattern}
      ORDER BY "createdAt" DESC LIMIT ${BODY_MATCH_LIMIT}`,
  ]);
  return {
    createdAt: { gte: window.from, lt: window.to },
    OR: [
      { id: term },
      { chosenModel: { contains: escaped, mode: "insensitive" } },
      { requestedModel: { contains: escaped, mode: "insensitive" } },
      ...(keys.length > 0 ? [{ apiKeyId: { in: keys.map((k) => k.id) } }] : []),
      ...(bodies.length > 0 ? [{ id: { in: bodies.map((b) => b.id) } }] : []),
    ],
  };
}
