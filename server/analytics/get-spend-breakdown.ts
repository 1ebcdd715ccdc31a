// Spend over a range of days grouped by one dimension, read from the rollups the dashboards
// read (whole days from the daily table). Keys and teams are named through the tenant-scoped
// client, so another tenant's ids never resolve.
import { Prisma } from "../db/generated/client";
import { DAY_MS } from "./resolve-window";
import { rollupRowsSql, type AnalyticsScope, type RollupColumn } from "./rollup-query-parts";
import type { SpendBreakdownQuery, SpendGroup } from "./spend-breakdown-query";

/** Most groups one answer carries (a year of days fits; a tenant with more keys gets the top spenders). */
export const MAX_SPEND_GROUPS = 1000;

const GROUPS: Record<SpendGroup, { column: RollupColumn | null; sql: string; order: string }> = {
  day: { column: null, sql: `to_char(date_trunc('day', "t"), 'YYYY-MM-DD')`, order: `1` },
  key: { column: "apiKeyId", sql: `"apiKeyId"`, order: `"costUsd" DESC, 1` },
  team: { column: "teamId", sql: `"teamId"`, order: `"costUsd" DESC, 1` },
  model: { column: "model", sql: `"model"`, order: `"costUsd" DESC, 1` },
  category: { column: "category", sql: `"category"`, order: `"costUsd" DESC, 1` },
};

interface SpendRow {
  group: string;
  requests: number;
  costUsd: number;
  unpriced: number;
}

export async function getSpendBreakdown(scope: AnalyticsScope, query: SpendBreakdownQuery) {
  const from = new Date(`${query.from}T00:00:00Z`);
  const to = new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS);
  const group = GROUPS[query.groupBy];
  const columns: RollupColumn[] = [...(group.column ? [group.column] : []), "requests", "costUsd", "unpriced"];
  const rows = await scope.db.$queryRaw<SpendRow[]>(Prisma.sql`
    SELECT ${Prisma.raw(group.sql)} AS "group", sum("requests")::float8 AS "requests",
      sum("costUsd")::float8 AS "costUsd", sum("unpriced")::float8 AS "unpriced"
    FROM (${rollupRowsSql(scope, from, to, query, columns)}) r
    GROUP BY 1 ORDER BY ${Prisma.raw(group.order)} LIMIT ${MAX_SPEND_GROUPS + 1}`);
  const page = rows.slice(0, MAX_SPEND_GROUPS);
  const names = await groupNames(scope, query.groupBy, page.map((r) => r.group).filter((id) => id !== ""));
  return {
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    rows: page.map((r) => ({
      // Rollups use '' for requests without a key or team.
      [query.groupBy]: r.group === "" ? null : r.group,
      ...(names && { name: names.get(r.group) ?? null }),
      requests: r.requests,
      costUsd: r.costUsd,
      /** Requests whose price was unknown: their spend is not in costUsd. */
      unpricedRequests: r.unpriced,
    })),
    truncated: rows.length > MAX_SPEND_GROUPS,
  };
}

async function groupNames(scope: AnalyticsScope, groupBy: SpendGroup, ids: string[]): Promise<Map<string, string> | null> {
  if (groupBy === "key") return new Map((await scope.db.apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((k) => [k.id, k.name]));
  if (groupBy === "team") return new Map((await scope.db.team.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((t) => [t.id, t.name]));
  return null;
}
