import { describe, expect, it } from "vitest";
import { parseExposition } from "../testing/parse-exposition";
import type { UsageRecord } from "../usage/usage-record";
import { GatewayMetrics, MAX_TENANTS, statusClass } from "./gateway-metrics";
import { UpstreamError } from "../providers/upstream-error";
import { InProcessBreakerStore } from "../resilience/breaker-store";
import { DEFAULT_BREAKER_CONFIG } from "../resilience/circuit-breaker";
import { CircuitBreakers } from "../resilience/circuit-breakers";

function record(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: "r1", tenantId: "t1", apiKeyId: "k1", teamId: null, policyId: null, endpoint: "openai", requestedModel: "auto", category: "coding",
    categorySource: "classifier", confidence: 0.9, difficulty: 0.4, chosenModel: "gpt-5.4", provider: "openai", attempts: [], fallbackCount: 0,
    inputTokens: 100, outputTokens: 20, costUsd: 0.001, baselineCostUsd: 0.002, latencyMs: 1500, ttftMs: 300, cacheHit: false, stream: false,
    simulated: false, status: 200, errorClass: null, explanation: null, createdAt: new Date(), ...overrides,
  };
}

async function samplesOf(metrics: GatewayMetrics) {
  return parseExposition(await metrics.registry.metrics()).samples;
}

describe("GatewayMetrics", () => {
  it("counts a request's figures under bounded labels", async () => {
    const metrics = new GatewayMetrics();
    metrics.observe(record());
    metrics.observe(record({ chosenModel: "tenant-own-model", category: "legal-review", cacheHit: true, costUsd: 0 }));
    metrics.observe(record({ fallbackCount: 1, attempts: [{ model: "claude-opus-4.6", provider: "anthropic", status: 503, errorClass: "circuit_open", latencyMs: 0 }] }));
    metrics.limitRefused("t1", "budget_used_up");
    metrics.breakerOpened("t1", "model", { id: "tenant-own-model", provider: "openai-compatible" });
    metrics.breakerOpened("t1", "provider", { id: "tenant-own-model", provider: "openai-compatible" });
    const samples = await samplesOf(metrics);
    const value = (name: string, labels: Record<string, string>) =>
      samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((t, s) => t + s.value, 0);
    expect(value("switchyard_requests_total", { tenant: "t1", model: "gpt-5.4", category: "coding", status_class: "2xx" })).toBe(2);
    expect(value("switchyard_requests_total", { model: "other", category: "other" })).toBe(1);
    expect(value("switchyard_tokens_total", { direction: "input" })).toBe(300);
    expect(value("switchyard_cost_usd_total", { model: "gpt-5.4" })).toBeCloseTo(0.002, 12);
    expect(value("switchyard_cache_hits_total", { model: "other" })).toBe(1);
    expect(value("switchyard_fallbacks_total", { model: "gpt-5.4" })).toBe(1);
    expect(value("switchyard_breaker_skips_total", { model: "claude-opus-4.6" })).toBe(1);
    expect(value("switchyard_limit_refusals_total", { reason: "budget_used_up" })).toBe(1);
    expect(value("switchyard_breaker_opens_total", { scope: "model", target: "other" })).toBe(1);
    expect(value("switchyard_breaker_opens_total", { scope: "provider", target: "openai-compatible" })).toBe(1);
    expect(value("switchyard_request_duration_seconds_bucket", { le: "1" })).toBe(0);
    expect(value("switchyard_request_duration_seconds_bucket", { le: "2.5" })).toBe(3);
    expect(value("switchyard_time_to_first_token_seconds_sum", {})).toBeCloseTo(0.9, 9);
  });

  it("puts tenants beyond the cap under one label", async () => {
    const metrics = new GatewayMetrics();
    for (let i = 0; i < MAX_TENANTS + 5; i++) metrics.observe(record({ tenantId: `tenant-${i}` }));
    const tenants = new Set((await samplesOf(metrics)).filter((s) => s.name === "switchyard_requests_total").map((s) => s.labels.tenant));
    expect(tenants.size).toBe(MAX_TENANTS + 1);
    expect(tenants.has("other")).toBe(true);
    expect(tenants.has(`tenant-${MAX_TENANTS}`)).toBe(false);
  });

  it("reports the breakers open at scrape time, and none once they close", async () => {
    let now = 1_000;
    const breakers = new CircuitBreakers(new InProcessBreakerStore(DEFAULT_BREAKER_CONFIG), () => now);
    const metrics = new GatewayMetrics();
    metrics.watchBreakers(() => breakers.openNow());
    const outage = new UpstreamError({ status: 503, kind: "server", message: "down", provider: "openai" });
    for (let i = 0; i < DEFAULT_BREAKER_CONFIG.consecutiveFailures; i++) await breakers.recordFailure("t1", { id: "gpt-5.4", provider: "openai" }, outage);
    const open = (await samplesOf(metrics)).filter((s) => s.name === "switchyard_breakers_open");
    expect(open.map((s) => [s.labels.scope, s.labels.target, s.value])).toEqual(expect.arrayContaining([["model", "gpt-5.4", 1], ["provider", "openai", 1]]));
    expect(open).toHaveLength(2);
    now += DEFAULT_BREAKER_CONFIG.coolDownMs;
    expect((await samplesOf(metrics)).filter((s) => s.name === "switchyard_breakers_open")).toEqual([]);
  });

  it("names status classes", () => {
    expect([200, 404, 429, 499, 500, 503].map(statusClass)).toEqual(["2xx", "4xx", "4xx", "4xx", "5xx", "5xx"]);
  });
});

describe("parseExposition", () => {
  it("reads escaped label values and refuses malformed lines", () => {
    const text = '# HELP x_total A counter.\n# TYPE x_total counter\nx_total{a="q\\"uote",b="back\\\\slash",c="new\\nline"} 3\n';
    expect(parseExposition(text).samples).toEqual([{ name: "x_total", labels: { a: 'q"uote', b: "back\\slash", c: "new\nline" }, value: 3 }]);
    expect(() => parseExposition('# TYPE x_total counter\nx_total{a="unterminated} 3\n')).toThrow(/malformed/);
    expect(() => parseExposition("y_total 1\n")).toThrow(/before its TYPE/);
  });
});
