// The filtered request logs as CSV lines, newest first, read a page at a time so that the
// response streams and memory stays flat; at most EXPORT_ROW_CAP rows (a note row says so).
import type { RequestLog } from "../../db/generated/client";
import type { TenantActor } from "../actor";
import type { LogFilters } from "../schemas/logs";
import { csvLine } from "./csv";
import { logWhere } from "./log-where";
import { olderThan } from "./list-request-logs";

export const EXPORT_ROW_CAP = 50_000;
const PAGE = 1_000;

const HEADER = [
  "time", "request_id", "key", "team", "policy", "endpoint", "requested_model", "category", "category_confidence", "difficulty",
  "model", "provider", "status", "error", "cost_usd", "baseline_cost_usd", "input_tokens", "output_tokens", "latency_ms",
  "first_token_ms", "cache_hit", "fallbacks", "simulated",
];

const money = (value: { toString(): string } | null) => (value === null ? null : value.toString());
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

export async function* exportLogsCsv(actor: TenantActor, filters: LogFilters, rowCap = EXPORT_ROW_CAP): AsyncGenerator<string> {
  const [where, keys, teams, policies] = await Promise.all([
    logWhere(actor, filters),
    actor.db.apiKey.findMany({ select: { id: true, name: true } }),
    actor.db.team.findMany({ select: { id: true, name: true } }),
    actor.db.routingPolicy.findMany({ select: { id: true, name: true } }),
  ]);
  const names = new Map([...keys, ...teams, ...policies].map((x) => [x.id, x.name]));
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  yield csvLine(HEADER);
  let written = 0;
  let after: { createdAt: Date; id: string } | null = null;
  const rest = () => (after ? { AND: [where, olderThan(after.createdAt, after.id)] } : where);
  for (;;) {
    const take = Math.min(PAGE, rowCap - written);
    if (take === 0) {
      // Said in the file itself, where whoever opens it sees it.
      if (await actor.db.requestLog.findFirst({ where: rest(), select: { id: true } })) yield csvLine([`# stopped at ${rowCap.toLocaleString("en-US")} rows; narrow the filters for the rest`]);
      return;
    }
    const rows: RequestLog[] = await actor.db.requestLog.findMany({ where: rest(), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
    let chunk = "";
    for (const r of rows) {
      chunk += csvLine([
        r.createdAt.toISOString(), r.id, nameOf(r.apiKeyId), nameOf(r.teamId), nameOf(r.policyId), r.endpoint, r.requestedModel,
        r.category, rounded(r.confidence), rounded(r.difficulty), r.chosenModel, r.provider, r.status, r.errorClass,
        money(r.costUsd), money(r.baselineCostUsd), r.inputTokens, r.outputTokens, r.latencyMs, r.ttftMs, r.cacheHit, r.fallbackCount, r.simulated,
      ]);
    }
    if (chunk) yield chunk;
    written += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < take) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
