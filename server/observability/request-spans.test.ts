import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { describe, expect, it } from "vitest";
import type { UsageRecord } from "../usage/usage-record";
import { emitRequestSpans } from "./request-spans";

const startedAt = new Date("2026-12-01T10:00:00.000Z");
const record: UsageRecord = {
  id: "req-1", tenantId: "tenant-1", apiKeyId: "k1", teamId: null, policyId: "p1", endpoint: "anthropic", requestedModel: "auto", category: "math",
  categorySource: "classifier", confidence: 0.8, difficulty: 0.7, chosenModel: "gemini-3.1-pro", provider: "gemini",
  attempts: [
    { model: "gpt-5.4", provider: "openai", status: 429, errorClass: "rate_limited", latencyMs: 40 },
    { model: "gemini-3.1-pro", provider: "gemini", status: 200, errorClass: null, latencyMs: 900 },
  ],
  fallbackCount: 1, inputTokens: 50, outputTokens: 10, costUsd: null, baselineCostUsd: null, latencyMs: 1000, ttftMs: 950, cacheHit: false,
  stream: true, simulated: false, status: 200, errorClass: null, explanation: null, finishReason: "length", createdAt: startedAt,
};

function emitted(r: UsageRecord) {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  emitRequestSpans(provider.getTracer("test"), r);
  return exporter.getFinishedSpans();
}

const ms = (time: [number, number]) => time[0] * 1000 + time[1] / 1e6;

describe("emitRequestSpans", () => {
  it("makes a server span for the request and a client span per attempt, laid end to end", () => {
    const spans = emitted(record);
    const parent = spans.find((s) => s.name === "chat auto")!;
    expect(parent.kind).toBe(SpanKind.SERVER);
    expect(parent.attributes).toMatchObject({
      "gen_ai.provider.name": "gcp.gemini", "gen_ai.response.model": "gemini-3.1-pro", "gen_ai.response.finish_reasons": ["length"],
      "switchyard.category": "math", "switchyard.difficulty": 0.7, "switchyard.fallback_count": 1, "switchyard.tenant_id": "tenant-1",
    });
    // Unpriced: no cost rather than $0.
    expect(parent.attributes).not.toHaveProperty("switchyard.cost_usd");
    expect(ms(parent.startTime)).toBe(startedAt.getTime());
    expect(ms(parent.endTime)).toBe(startedAt.getTime() + 1000);
    const children = spans.filter((s) => s.parentSpanContext?.spanId === parent.spanContext().spanId);
    expect(children.map((c) => [c.name, c.kind, c.status.code, c.attributes["error.type"]])).toEqual([
      ["chat gpt-5.4", SpanKind.CLIENT, SpanStatusCode.ERROR, "rate_limited"],
      ["chat gemini-3.1-pro", SpanKind.CLIENT, SpanStatusCode.UNSET, undefined],
    ]);
    expect(children.every((c) => c.spanContext().traceId === parent.spanContext().traceId)).toBe(true);
    expect(children.map((c) => [ms(c.startTime) - startedAt.getTime(), ms(c.endTime) - startedAt.getTime()])).toEqual([[0, 40], [40, 940]]);
  });

  it("marks a failed request as an error, and a cache hit has no attempts", () => {
    const [failed] = emitted({ ...record, status: 502, errorClass: "server", attempts: [] });
    expect(failed!.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed!.attributes["error.type"]).toBe("server");
    const [refused] = emitted({ ...record, status: 429, errorClass: "request_error", attempts: [] });
    expect(refused!.status.code).toBe(SpanStatusCode.UNSET);
  });
});
