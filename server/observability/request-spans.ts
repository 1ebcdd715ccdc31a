// One finished gateway request as OpenTelemetry spans, following the GenAI semantic
// conventions: a server span "chat {requested model}" ("embeddings ..." for embeddings) for the
// request and a client span per upstream attempt under it. Built after the fact from the usage
// record, so every endpoint gets the same spans without code of its own, and nothing is built
// while the request runs.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from "@opentelemetry/api";
import type { AttemptRecord, UsageRecord } from "../usage/usage-record";

/** Provider names as the conventions spell them (gen_ai.provider.name); ours otherwise. */
const PROVIDER_NAMES: Record<string, string> = { openai: "openai", anthropic: "anthropic", gemini: "gcp.gemini" };
const providerName = (provider: string) => PROVIDER_NAMES[provider] ?? provider;

/** gen_ai.operation.name by endpoint: "chat" for every one but embeddings. */
const OPERATIONS: Record<string, string> = { "openai-embeddings": "embeddings" };
const operationOf = (r: UsageRecord) => OPERATIONS[r.endpoint] ?? "chat";

function requestAttributes(r: UsageRecord, operation: string): Attributes {
  const attributes: Attributes = {
    "gen_ai.operation.name": operation,
    "gen_ai.request.model": r.requestedModel,
    "gen_ai.usage.input_tokens": r.inputTokens,
    "gen_ai.usage.output_tokens": r.outputTokens,
    "http.response.status_code": r.status,
    "switchyard.request_id": r.id,
    "switchyard.tenant_id": r.tenantId,
    "switchyard.endpoint": r.endpoint,
    "switchyard.cache_hit": r.cacheHit,
    "switchyard.fallback_count": r.fallbackCount,
    "switchyard.stream": r.stream,
  };
  if (r.provider !== null) {
    // gen_ai.system is the older name of gen_ai.provider.name, still read by many back-ends.
    attributes["gen_ai.provider.name"] = attributes["gen_ai.system"] = providerName(r.provider);
  }
  if (r.chosenModel !== null) attributes["gen_ai.response.model"] = r.chosenModel;
  if (r.finishReason) attributes["gen_ai.response.finish_reasons"] = [r.finishReason];
  if (r.category !== null) attributes["switchyard.category"] = r.category;
  if (r.difficulty !== null) attributes["switchyard.difficulty"] = r.difficulty;
  if (r.costUsd !== null) attributes["switchyard.cost_usd"] = r.costUsd;
  if (r.errorClass !== null) attributes["error.type"] = r.errorClass;
  return attributes;
}

function attemptAttributes(a: AttemptRecord, operation: string): Attributes {
  const attributes: Attributes = {
    "gen_ai.operation.name": operation,
    "gen_ai.provider.name": providerName(a.provider),
    "gen_ai.request.model": a.model,
    "switchyard.attempt.status": a.status,
    "switchyard.attempt.latency_ms": a.latencyMs,
  };
  if (a.errorClass !== null) attributes["error.type"] = a.errorClass;
  return attributes;
}

/**
 * Ends the request's spans at once with their recorded times. The record keeps each attempt's
 * duration, not its start: the attempts are laid end to end from the request's start, so their
 * durations are exact and their starts approximate (routing and retry back-off come before them).
 */
export function emitRequestSpans(tracer: Tracer, r: UsageRecord): void {
  const start = r.createdAt.getTime();
  const operation = operationOf(r);
  const parent = tracer.startSpan(`${operation} ${r.requestedModel}`, { kind: SpanKind.SERVER, startTime: start, attributes: requestAttributes(r, operation) });
  if (r.status >= 500) parent.setStatus({ code: SpanStatusCode.ERROR });
  const context = trace.setSpan(ROOT_CONTEXT, parent);
  let at = start;
  for (const attempt of r.attempts) {
    const child = tracer.startSpan(`${operation} ${attempt.model}`, { kind: SpanKind.CLIENT, startTime: at, attributes: attemptAttributes(attempt, operation) }, context);
    if (attempt.errorClass !== null) child.setStatus({ code: SpanStatusCode.ERROR });
    at += attempt.latencyMs;
    child.end(at);
  }
  parent.end(start + r.latencyMs);
}
