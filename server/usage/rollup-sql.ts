// SQL that aggregates request rows into hourly (UsageRollup) and daily (UsageRollupDaily)
// rollup rows and adds them to what is there. The usage writer runs it over the rows a batch
// inserted; the rebuild command runs it over a time range of RequestLog. One query text for
// both keeps them in agreement. Daily rows exist so that month-long dashboard views read ~24x
// fewer rows than the hourly ones.
import { LATENCY_BUCKET_BOUNDS_MS } from "./latency-buckets";
import { insertRequestLogRowsSql } from "./request-log-columns";

function histogramSql(column: string): string {
  const bounds = LATENCY_BUCKET_BOUNDS_MS;
  const cells = bounds.map((upper, i) => {
    const lower = i === 0 ? null : bounds[i - 1];
    const cond = lower === null ? `${column} < ${upper}` : `${column} >= ${lower} AND ${column} < ${upper}`;
    return `count(*) FILTER (WHERE ${cond})::int`;
  });
  cells.push(`count(*) FILTER (WHERE ${column} >= ${bounds[bounds.length - 1]})::int`);
  return `ARRAY[${cells.join(", ")}]`;
}

/** The rollup table and its time column per grain; both tables have the same other columns. */
export const ROLLUP_GRAINS = {
  hour: { table: "UsageRollup", time: "hour" },
  day: { table: "UsageRollupDaily", time: "day" },
} as const;
export type RollupGrain = keyof typeof ROLLUP_GRAINS;

const addArrays = (table: string, column: string) =>
  `"${column}" = ARRAY(SELECT a + b FROM unnest("${table}"."${column}", EXCLUDED."${column}") AS t(a, b))`;

const SUMMED = [
  "requests", "errors", "cacheHits", "fallbacks", "unpriced", "emptyAnswers", "refusals", "truncations",
  "inputTokens", "outputTokens", "costUsd", "baselineCostUsd", "latencySumMs", "ttftSumMs", "ttftCount",
];

/**
 * The implicit signals counted in their own columns. "error" and "fallback" are not: they are
 * the rows' "errors" (status >= 400) and "fallbacks" (an earlier model failed) columns already.
 */
const SIGNAL_COLUMNS = [
  ["emptyAnswers", "empty"],
  ["refusals", "refusal"],
  ["truncations", "truncated"],
] as const;

/** `source` is a relation with RequestLog's columns (a table, or a CTE of inserted rows). */
export function upsertRollupsFromSql(source: string, grain: RollupGrain = "hour"): string {
  const { table, time } = ROLLUP_GRAINS[grain];
  return `
INSERT INTO "${table}" ("tenantId", "${time}", "category", "model", "teamId", "apiKeyId", "policyId",
  "requests", "errors", "cacheHits", "fallbacks", "unpriced", ${SIGNAL_COLUMNS.map(([c]) => `"${c}"`).join(", ")},
  "inputTokens", "outputTokens", "costUsd", "baselineCostUsd", "latencySumMs", "ttftSumMs", "ttftCount", "latencyHistogram", "ttftHistogram")
SELECT r."tenantId", date_trunc('${grain}', r."createdAt"), coalesce(r."category", ''), coalesce(r."chosenModel", ''),
  coalesce(r."teamId", ''), coalesce(r."apiKeyId", ''), coalesce(r."policyId", ''),
  count(*)::int,
  count(*) FILTER (WHERE r."status" >= 400)::int,
  count(*) FILTER (WHERE r."cacheHit")::int,
  count(*) FILTER (WHERE r."fallbackCount" > 0)::int,
  count(*) FILTER (WHERE r."costUsd" IS NULL AND r."status" < 400)::int,
  ${SIGNAL_COLUMNS.map(([, signal]) => `count(*) FILTER (WHERE '${signal}' = ANY(r."signals"))::int`).join(",\n  ")},
  coalesce(sum(r."inputTokens"), 0)::bigint,
  coalesce(sum(r."outputTokens"), 0)::bigint,
  coalesce(sum(r."costUsd"), 0),
  coalesce(sum(r."baselineCostUsd"), 0),
  coalesce(sum(r."latencyMs"), 0)::bigint,
  coalesce(sum(r."ttftMs"), 0)::bigint,
  count(r."ttftMs")::int,
  ${histogramSql('r."latencyMs"')},
  ${histogramSql('r."ttftMs"')}
FROM ${source} r
GROUP BY 1, 2, 3, 4, 5, 6, 7
ON CONFLICT ("tenantId", "${time}", "category", "model", "teamId", "apiKeyId", "policyId") DO UPDATE SET
  ${SUMMED.map((c) => `"${c}" = "${table}"."${c}" + EXCLUDED."${c}"`).join(",\n  ")},
  ${addArrays(table, "latencyHistogram")},
  ${addArrays(table, "ttftHistogram")}`;
}

/**
 * Inserts a batch of request rows given as one JSON array parameter ($1), adds the rows
 * actually inserted to the rollups (their implicit signals included), moves their keys'
 * last-used time, and stores the prompts and answers ($2, a JSON array) of the requests whose
 * policy keeps them, in one statement: a request id seen before (a retried batch) is neither
 * inserted nor counted twice.
 */
export const INSERT_REQUESTS_WITH_ROLLUPS_SQL = `
WITH inserted AS (
  ${insertRequestLogRowsSql("$1::json")}
  ON CONFLICT ("id") DO NOTHING
  RETURNING *
), rolled AS (${upsertRollupsFromSql("inserted")}
  RETURNING 1
), rolled_daily AS (${upsertRollupsFromSql("inserted", "day")}
  RETURNING 1
), touched AS (
  UPDATE "ApiKey" k SET "lastUsedAt" = GREATEST(k."lastUsedAt", used.at)
  FROM (SELECT "apiKeyId", max("createdAt") AS at FROM inserted WHERE "apiKeyId" IS NOT NULL GROUP BY 1) used
  WHERE k."id" = used."apiKeyId"
  RETURNING 1
), bodies AS (
  INSERT INTO "RequestBody" ("id", "tenantId", "createdAt", "prompt", "answer", "truncated")
  SELECT b."id", b."tenantId", b."createdAt", b."prompt", b."answer", b."truncated"
  FROM json_to_recordset($2::json) AS b("id" text, "tenantId" text, "createdAt" timestamp(3), "prompt" jsonb, "answer" text, "truncated" boolean)
  WHERE b."id" IN (SELECT "id" FROM inserted)
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted`;
