// RequestLog's columns as the usage writer's insert reads them from a batch's JSON, with their
// PostgreSQL types (an integration test holds this list against the migrated table).
//
// Why a list rather than json_populate_recordset(NULL::"RequestLog", ...): PostgreSQL spent
// about 200 µs a row turning a batch into rows when the JSON columns arrived as nested objects,
// most of it walking their tokens, against about 115 µs when they arrive as JSON text in a string
// and are cast to jsonb, the rollups included (measured on batches of the gateway's own
// records, docs/BENCHMARKS.md). The writer shares the database's cores with the gateway.

export const REQUEST_LOG_COLUMNS = [
  ["id", "text"],
  ["tenantId", "text"],
  ["apiKeyId", "text"],
  ["teamId", "text"],
  ["policyId", "text"],
  ["endpoint", "text"],
  ["requestedModel", "text"],
  ["category", "text"],
  ["categorySource", "text"],
  ["confidence", "double precision"],
  ["difficulty", "double precision"],
  ["chosenModel", "text"],
  ["provider", "text"],
  ["attempts", "jsonb"],
  ["fallbackCount", "integer"],
  ["inputTokens", "integer"],
  ["outputTokens", "integer"],
  ["costUsd", "numeric(18,8)"],
  ["baselineCostUsd", "numeric(18,8)"],
  ["latencyMs", "integer"],
  ["ttftMs", "integer"],
  ["cacheHit", "boolean"],
  ["stream", "boolean"],
  ["simulated", "boolean"],
  ["status", "integer"],
  ["errorClass", "text"],
  ["explanation", "jsonb"],
  ["createdAt", "timestamp(3) without time zone"],
  ["cachedInputTokens", "integer"],
  ["cacheWriteTokens", "integer"],
  ["finishReason", "text"],
  ["signals", "text[]"],
  ["features", "jsonb"],
  ["estimatedInputTokens", "integer"],
  ["maxOutputTokens", "integer"],
  ["forcedCategory", "text"],
  ["classifierCategory", "text"],
  ["classifierConfidence", "double precision"],
  ["needsStructuredOutput", "boolean"],
] as const;

/** A batch holds a jsonb column's value as its JSON text, in a string (an object would still work, slowly). */
const isJsonText = (type: string) => type === "jsonb";

/**
 * `INSERT INTO "RequestLog" (...) SELECT ... FROM json_to_recordset(<json>)`: every column named,
 * the jsonb ones read as text and cast. A key missing from a row reads as NULL.
 */
export function insertRequestLogRowsSql(json: string): string {
  const names = REQUEST_LOG_COLUMNS.map(([name]) => `"${name}"`).join(", ");
  const values = REQUEST_LOG_COLUMNS.map(([name, type]) => (isJsonText(type) ? `r."${name}"::jsonb` : `r."${name}"`)).join(", ");
  const definitions = REQUEST_LOG_COLUMNS.map(([name, type]) => `"${name}" ${isJsonText(type) ? "text" : type}`).join(", ");
  return `INSERT INTO "RequestLog" (${names})
  SELECT ${values}
  FROM json_to_recordset(${json}) AS r(${definitions})`;
}
