// The gateway's traces and metrics from the outside: a gateway process with a metrics token and
// an OTLP endpoint (a receiver in this test) serves a routed request that falls back, a direct
// one, a streamed one, a bad one, a rate-limited one, a cached one and an embeddings request (the
// fallback opening two circuit breakers); its /metrics must count exactly those, and the receiver must get a request span with one child per
// upstream attempt.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeAnthropic, startFakeOpenAI, type FakeUpstream } from "../testing/fake-upstreams";
import { addProviderCredential, createOrderedPolicy, issueTestKey } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { parseExposition, type Sample } from "../testing/parse-exposition";

const TOKEN = "metrics-token-0123456789";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: Record<string, unknown> }[];
}

/** An OTLP/HTTP receiver: every span of every POST /v1/traces (the exporter sends JSON). */
async function startOtlpReceiver(): Promise<{ server: Server; url: string; spans: OtlpSpan[]; services: string[] }> {
  const spans: OtlpSpan[] = [];
  const services: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.method === "POST" && req.url === "/v1/traces" && req.headers["content-type"] === "application/json") {
        const payload = JSON.parse(body) as { resourceSpans: { resource: { attributes: OtlpSpan["attributes"] }; scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const resourceSpans of payload.resourceSpans) {
          services.push(String(resourceSpans.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue));
          for (const scope of resourceSpans.scopeSpans) spans.push(...scope.spans);
        }
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, services };
}

const receiver = await startOtlpReceiver();
const fakes = {} as { openai: FakeUpstream; anthropic: FakeUpstream };
let limitedKey = "";
const fx = setupGateway({
  env: { SWITCHYARD_METRICS_TOKEN: TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: "gateway-under-test", SWITCHYARD_WORKERS: "1", SWITCHYARD_BREAKER_FAILURES: "3" },
  prepare: async ({ db, tenant, masterKey }) => {
    fakes.openai = await startFakeOpenAI({ fault: (_, req) => (JSON.stringify(req.body).includes("#500") ? { type: "status", status: 500 } : undefined) });
    fakes.anthropic = await startFakeAnthropic();
    await addProviderCredential(db, tenant.tenantId, "openai", { baseUrl: `${fakes.openai.url}/v1`, apiKey: "sk-o", masterKey });
    await addProviderCredential(db, tenant.tenantId, "anthropic", { baseUrl: fakes.anthropic.url, apiKey: "sk-a", masterKey });
    await createOrderedPolicy(db, tenant.tenantId, "gpt-first", ["gpt-5.4", "claude-opus-4.6"]);
    limitedKey = await issueTestKey(db, tenant.tenantId, { rpmLimit: 1 });
    await db.model.create({
      data: { tenantId: tenant.tenantId, kind: "embedding", slug: "sim-embedder", provider: "simulated", providerModelId: "sim-embedder", displayName: "Simulated embedder", inputPricePerMTok: 0.02, outputPricePerMTok: 0, contextWindow: 8191, quality: {} },
    });
  },
});
afterAll(async () => {
  await fakes.openai?.close();
  await fakes.anthropic?.close();
  await new Promise((resolve) => receiver.server.close(resolve));
});

const client = (apiKey = fx.tenant.apiKey) => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey, maxRetries: 0, timeout: 30_000 });
const scrape = (authorization?: string) => fetch(fx.gateway.baseUrl.replace(/\/v1$/, "/metrics"), { headers: authorization ? { authorization } : {} });

function sum(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((total, s) => total + s.value, 0);
}

const attributesOf = (span: OtlpSpan) => Object.fromEntries(span.attributes.map((a) => [a.key, Object.values(a.value)[0]]));

async function spansOfTrace(requestId: string, count: number): Promise<OtlpSpan[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const parent = receiver.spans.find((s) => attributesOf(s)["switchyard.request_id"] === requestId);
    const trace = parent ? receiver.spans.filter((s) => s.traceId === parent.traceId) : [];
    if (trace.length >= count) return trace;
    if (Date.now() > deadline) throw new Error(`trace of ${requestId}: ${trace.length} of ${count} spans`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("gateway observability", () => {
  let fallbackRequestId = "";
  let embeddingsRequestId = "";

  it("serves requests of every kind", async () => {
    const ask = (model: string, content: string, apiKey?: string) => client(apiKey).chat.completions.create({ model, messages: [{ role: "user", content }] });
    await ask("gpt-5.4", "Say one");
    const stream = await client().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: "Say two" }], stream: true });
    for await (const chunk of stream) void chunk;
    await expect(ask("no-such-model", "Say nothing")).rejects.toMatchObject({ status: 404 });
    await ask("gpt-5.4", "Say three", limitedKey);
    await expect(ask("gpt-5.4", "Say four", limitedKey)).rejects.toMatchObject({ status: 429 });
    // The same question again: answered from the response cache.
    const { response } = await client().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: "Say one" }] }).withResponse();
    expect(response.headers.get("x-switchyard-cache")).toBe("hit");
    const embedded = await client().embeddings.create({ model: "sim-embedder", input: "Hello" }).withResponse();
    embeddingsRequestId = embedded.response.headers.get("x-switchyard-request-id")!;
    // Last: its three failures open gpt-5.4's breaker and OpenAI's (SWITCHYARD_BREAKER_FAILURES=3).
    const fallback = await client().chat.completions.create({ model: "policy/gpt-first", messages: [{ role: "user", content: "Hello #500" }] }).withResponse();
    expect(fallback.data.model).toBe("claude-opus-4.6");
    fallbackRequestId = fallback.response.headers.get("x-switchyard-request-id")!;
  });

  it("refuses /metrics without the token or with another", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(`Basic ${TOKEN}`)).status).toBe(401);
  });

  it("counts on /metrics exactly what was logged", async () => {
    const rows = await waitForRequestLogs(fx, 8);
    expect(rows).toHaveLength(8);
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const { samples, types, helps } = parseExposition(await response.text());
    expect(types.get("switchyard_requests_total")).toBe("counter");
    expect(types.get("switchyard_request_duration_seconds")).toBe("histogram");
    expect(helps.get("switchyard_limit_refusals_total")).toMatch(/rate limits or budgets/);

    const tenant = fx.tenant.tenantId;
    expect(sum(samples, "switchyard_requests_total", { tenant })).toBe(8);
    // A tenant's own model is "other".
    expect(sum(samples, "switchyard_requests_total", { tenant, model: "other", endpoint: "openai-embeddings", status_class: "2xx" })).toBe(1);
    expect(sum(samples, "switchyard_requests_total", { tenant, model: "gpt-5.4", status_class: "2xx" })).toBe(4);
    expect(sum(samples, "switchyard_cache_hits_total", { tenant, model: "gpt-5.4" })).toBe(1);
    expect(sum(samples, "switchyard_requests_total", { tenant, model: "claude-opus-4.6", status_class: "2xx", endpoint: "openai" })).toBe(1);
    expect(sum(samples, "switchyard_requests_total", { tenant, model: "none", status_class: "4xx" })).toBe(2);
    expect(sum(samples, "switchyard_fallbacks_total", { tenant, model: "claude-opus-4.6" })).toBe(1);
    expect(sum(samples, "switchyard_limit_refusals_total", { tenant, reason: "rate_limit" })).toBe(1);
    expect(sum(samples, "switchyard_breaker_opens_total", { tenant })).toBe(2);
    expect(sum(samples, "switchyard_breaker_opens_total", { tenant, scope: "model", target: "gpt-5.4" })).toBe(1);
    expect(sum(samples, "switchyard_breaker_opens_total", { tenant, scope: "provider", target: "openai" })).toBe(1);
    expect(sum(samples, "switchyard_breakers_open", { tenant, scope: "model", target: "gpt-5.4" })).toBe(1);
    expect(sum(samples, "switchyard_breakers_open", { tenant, scope: "provider", target: "openai" })).toBe(1);
    const logged = (field: "inputTokens" | "outputTokens") => rows.reduce((total, r) => total + r[field], 0);
    expect(sum(samples, "switchyard_tokens_total", { tenant, direction: "input" })).toBe(logged("inputTokens"));
    expect(sum(samples, "switchyard_tokens_total", { tenant, direction: "output" })).toBe(logged("outputTokens"));
    expect(logged("outputTokens")).toBeGreaterThan(0);
    const cost = rows.reduce((total, r) => total + Number(r.costUsd ?? 0), 0);
    expect(sum(samples, "switchyard_cost_usd_total", { tenant })).toBeCloseTo(cost, 9);
    expect(sum(samples, "switchyard_request_duration_seconds_count", { model: "gpt-5.4" })).toBe(4);
    expect(sum(samples, "switchyard_time_to_first_token_seconds_count", { endpoint: "openai" })).toBe(5);
    // Cumulative buckets: +Inf holds every observation.
    expect(sum(samples, "switchyard_request_duration_seconds_bucket", { le: "+Inf" })).toBe(8);
  });

  it("exports a request span with a child per upstream attempt", async () => {
    // Three tries of the failing model (two retries), then the fallback.
    const spans = await spansOfTrace(fallbackRequestId, 5);
    const parent = spans.find((s) => s.parentSpanId === undefined || s.parentSpanId === "")!;
    expect(parent.name).toBe("chat policy/gpt-first");
    expect(parent.kind).toBe(2); // SERVER
    expect(attributesOf(parent)).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "anthropic",
      "gen_ai.system": "anthropic",
      "gen_ai.request.model": "policy/gpt-first",
      "gen_ai.response.model": "claude-opus-4.6",
      "switchyard.tenant_id": fx.tenant.tenantId,
      "switchyard.request_id": fallbackRequestId,
      "switchyard.cache_hit": false,
      "http.response.status_code": 200,
    });
    const attributes = attributesOf(parent);
    expect(Number(attributes["gen_ai.usage.output_tokens"])).toBeGreaterThan(0);
    expect(Number(attributes["switchyard.fallback_count"])).toBe(1);
    expect(typeof attributes["switchyard.category"]).toBe("string");
    expect(attributes["switchyard.cost_usd"]).toBeGreaterThan(0);
    expect(attributes["gen_ai.response.finish_reasons"]).toEqual({ values: [{ stringValue: "stop" }] });

    const children = spans.filter((s) => s.parentSpanId === parent.spanId);
    expect(children.map((c) => c.name)).toEqual(["chat gpt-5.4", "chat gpt-5.4", "chat gpt-5.4", "chat claude-opus-4.6"]);
    expect(children.every((c) => c.kind === 3)).toBe(true); // CLIENT
    expect(children.map((c) => attributesOf(c)["error.type"] ?? null)).toEqual(["server", "server", "server", null]);
    expect(attributesOf(children[3]!)).toMatchObject({ "gen_ai.provider.name": "anthropic", "gen_ai.request.model": "claude-opus-4.6" });
    expect(Number(attributesOf(children[0]!)["switchyard.attempt.status"])).toBe(500);
    expect(receiver.services).toContain("gateway-under-test");
    // Tenant names and keys never leave in a span.
    expect(JSON.stringify(receiver.spans)).not.toContain(fx.tenant.apiKey);
  });

  it("names an embeddings request's spans for its operation", async () => {
    const spans = await spansOfTrace(embeddingsRequestId, 2);
    expect(spans.map((s) => [s.name, attributesOf(s)["gen_ai.operation.name"]])).toEqual([
      ["embeddings sim-embedder", "embeddings"],
      ["embeddings sim-embedder", "embeddings"],
    ]);
  });

  it("sums every worker's figures in each scrape of a server of workers", async () => {
    await fx.restart({ SWITCHYARD_WORKERS: "2" });
    for (let i = 0; i < 6; i++) await client().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: `Count ${i}` }] });
    // Each scrape lands on either worker; every one sees the six requests, whichever worker served them.
    for (let i = 0; i < 4; i++) {
      const { samples } = parseExposition(await (await scrape(`Bearer ${TOKEN}`)).text());
      expect(sum(samples, "switchyard_requests_total", { tenant: fx.tenant.tenantId })).toBe(6);
    }
  });

  it("has no /metrics without a token", async () => {
    await fx.restart({ SWITCHYARD_METRICS_TOKEN: "" });
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
  });
});
