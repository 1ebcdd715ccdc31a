// The fallback plan against real failures: the fake upstreams fail when the prompt carries a
// marker (#429, #500, #hang, #slow, #400, #cut, #stall), so each test picks its failure. Policies fix the
// plan's order: "gpt-first" = gpt-5.4 then claude-opus-4.6; "local-first" = a self-hosted
// model on a closed port, then gpt-5.4.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startFakeAnthropic, startFakeOpenAI, type Fault, type FakeUpstream, type RecordedRequest } from "../testing/fake-upstreams";
import { addProviderCredential, createOrderedPolicy } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog, waitForRequestLogs } from "../testing/setup-gateway";
import { freePort } from "../testing/start-gateway-process";

function faultFor(req: RecordedRequest): Fault | undefined {
  const body = JSON.stringify(req.body);
  if (body.includes("#429")) return { type: "status", status: 429, retryAfter: "0" };
  if (body.includes("#500")) return { type: "status", status: 500 };
  if (body.includes("#400")) return { type: "status", status: 400, message: "max_tokens is too large" };
  if (body.includes("#hang")) return { type: "hang" };
  if (body.includes("#slow")) return { type: "slow-first-byte", delayMs: 3_000 };
  if (body.includes("#stall")) return { type: "stall", afterEvents: 2 };
  if (body.includes("#cut")) return { type: "cut", afterEvents: 3, mode: body.includes("#cut-clean") ? "end" : "reset" };
  return undefined;
}

const fakes = {} as { openai: FakeUpstream; anthropic: FakeUpstream };
const fx = setupGateway({
  env: { SWITCHYARD_UPSTREAM_CONNECT_TIMEOUT_MS: "800", SWITCHYARD_UPSTREAM_FIRST_BYTE_TIMEOUT_MS: "800" },
  prepare: async ({ db, tenant, masterKey }) => {
    // The anthropic fake fails only on #all, so that it serves as the healthy fallback.
    fakes.openai = await startFakeOpenAI({ fault: (_, req) => faultFor(req) });
    fakes.anthropic = await startFakeAnthropic({ fault: (_, req) => (JSON.stringify(req.body).includes("#all") || JSON.stringify(req.body).includes("#cut") ? faultFor(req) : undefined) });
    await addProviderCredential(db, tenant.tenantId, "openai", { baseUrl: `${fakes.openai.url}/v1`, apiKey: "sk-o", masterKey });
    await addProviderCredential(db, tenant.tenantId, "anthropic", { baseUrl: fakes.anthropic.url, apiKey: "sk-a", masterKey });
    const closedPort = await freePort();
    await db.model.create({
      data: {
        tenantId: tenant.tenantId, slug: "local-llm", provider: "openai-compatible", providerModelId: "local-llm", displayName: "Local LLM",
        inputPricePerMTok: 0.1, outputPricePerMTok: 0.1, contextWindow: 100_000, baseUrl: `http://127.0.0.1:${closedPort}/v1`,
        quality: { coding: 90, math: 90, science: 90, computer_use: 90, general: 90 },
      },
    });
    await createOrderedPolicy(db, tenant.tenantId, "gpt-first", ["gpt-5.4", "claude-opus-4.6"]);
    await createOrderedPolicy(db, tenant.tenantId, "local-first", ["local-llm", "gpt-5.4"]);
  },
});
afterAll(async () => {
  await fakes.openai?.close();
  await fakes.anthropic?.close();
});

const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 30_000 });
const anthropic = () => new Anthropic({ baseURL: fx.gateway.baseUrl.replace(/\/v1$/, ""), apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 30_000 });
const ask = (model: string, prompt: string) => openai().chat.completions.create({ model, messages: [{ role: "user", content: prompt }] }).withResponse();
let sent = 0;
const count = <T>(promise: Promise<T>) => {
  sent++;
  return promise;
};

const logOf = (requestId: string | null) => waitForRequestLog(fx.db, requestId);

type Attempt = { model: string; status: number; errorClass: string | null };
const attemptsOf = (row: { attempts: unknown }) => (row.attempts as Attempt[]).map((a) => `${a.model}:${a.status}`);

// A healthy call after each test closes the retries' run of failures on gpt-5.4, so that its
// circuit breaker (5 consecutive failures) stays closed for the next test.
afterEach(async () => {
  await count(ask("gpt-5.4", "healthy"));
});

describe("fallback plan", () => {
  it.each([
    ["#429", "429"],
    ["#500", "500"],
  ])("moves to the next model after %s (retried first)", async (marker, status) => {
    const { data, response } = await count(ask("policy/gpt-first", `Hello ${marker}`));
    expect(data.model).toBe("claude-opus-4.6");
    expect(response.headers.get("x-switchyard-fallbacks")).toBe("1");
    const row = await logOf(response.headers.get("x-switchyard-request-id"));
    expect(attemptsOf(row)).toEqual([`gpt-5.4:${status}`, `gpt-5.4:${status}`, `gpt-5.4:${status}`, "claude-opus-4.6:200"]);
    expect(row).toMatchObject({ status: 200, chosenModel: "claude-opus-4.6", fallbackCount: 1 });
  });

  it("moves on from a refused connection", async () => {
    const { data, response } = await count(ask("policy/local-first", "Hello"));
    expect(data.model).toBe("gpt-5.4");
    const row = await logOf(response.headers.get("x-switchyard-request-id"));
    expect((row.attempts as Attempt[]).filter((a) => a.model === "local-llm").every((a) => a.errorClass === "connection")).toBe(true);
    expect(attemptsOf(row).at(-1)).toBe("gpt-5.4:200");
  });

  it("moves on from an upstream that never answers, after the configured timeout", async () => {
    const started = Date.now();
    const { data, response } = await count(ask("policy/gpt-first", "Hello #hang"));
    expect(data.model).toBe("claude-opus-4.6");
    expect(Date.now() - started).toBeLessThan(10_000);
    const row = await logOf(response.headers.get("x-switchyard-request-id"));
    expect((row.attempts as Attempt[]).filter((a) => a.model === "gpt-5.4").every((a) => a.errorClass === "timeout")).toBe(true);
  });

  it("does not move on when the upstream refuses the caller's own request (400)", async () => {
    const before = fakes.anthropic.requests.length;
    const error = await count(ask("policy/gpt-first", "Hello #400").catch((e: unknown) => e));
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    // The status and the provider's error code, not its message (upstream text stays in the server log).
    expect((error as Error).message).toContain("openai: HTTP 400 (invalid_request_error)");
    expect((error as Error).message).not.toContain("max_tokens is too large");
    expect(fakes.anthropic.requests.length).toBe(before);
    const row = await logOf((error as InstanceType<typeof OpenAI.APIError>).headers?.get("x-switchyard-request-id") ?? null);
    expect(attemptsOf(row)).toEqual(["gpt-5.4:400"]);
    expect(row).toMatchObject({ status: 400, errorClass: "bad_request" });
  });

  it("answers 502 when every model of the plan failed", async () => {
    const error = await count(ask("policy/gpt-first", "Hello #500 #all").catch((e: unknown) => e));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
  });

});

describe("a stream cut mid-way", () => {
  // The failures above tripped gpt-5.4's breaker on its failure rate; a fresh process has none.
  beforeAll(() => fx.restart());

  it.each(["#cut", "#cut-clean"])("makes the OpenAI SDK raise (%s), and is logged as an error", async (marker) => {
    const stream = await count(openai().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: `Hi ${marker}` }], stream: true }).withResponse());
    const error = await (async () => {
      for await (const chunk of stream.data) void chunk;
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    const row = await logOf(stream.response.headers.get("x-switchyard-request-id"));
    expect(row).toMatchObject({ status: 502, errorClass: "stream_broken", stream: true });
  });

  it("makes the Anthropic SDK raise", async () => {
    sent++;
    const stream = anthropic().messages.stream({ model: "claude-opus-4.6", max_tokens: 50, messages: [{ role: "user", content: "Hi #cut" }] });
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    const { response } = await stream.withResponse();
    expect(await logOf(response.headers.get("x-switchyard-request-id"))).toMatchObject({ status: 502, errorClass: "stream_broken" });
  });

  it("makes the OpenAI SDK's Responses stream raise", async () => {
    const stream = await count(openai().responses.create({ model: "gpt-5.4", input: "Hi #cut", stream: true }).withResponse());
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of stream.data) seen.push(event.type);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(seen).not.toContain("response.completed");
    expect(await logOf(stream.response.headers.get("x-switchyard-request-id"))).toMatchObject({ status: 502, errorClass: "stream_broken", endpoint: "openai-responses" });
  });

  it("passes on the events an upstream sent before it went silent, and a client that leaves aborts the upstream call", async () => {
    // The upstream sends its role and first text chunk, then nothing (idle timeout: 60 s).
    const controller = new AbortController();
    const { data: stream, response } = await count(
      openai().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: "Hi #stall" }], stream: true }, { signal: controller.signal }).withResponse(),
    );
    const started = Date.now();
    let text = "";
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      if (text) break;
    }
    expect(text).toBe("Hello from");
    expect(Date.now() - started).toBeLessThan(5_000);

    controller.abort();
    const upstreamCall = fakes.openai.requests.at(-1)!;
    await expect.poll(() => upstreamCall.closedEarly, { timeout: 5_000 }).toBe(true);
    const row = await logOf(response.headers.get("x-switchyard-request-id"));
    expect(row).toMatchObject({ status: 499, errorClass: "client_disconnected", stream: true });
  });

  it("logs every request exactly once, failures included", async () => {
    // This test's own healthy call (afterEach) has not run yet.
    const logs = await waitForRequestLogs(fx, sent);
    expect(logs).toHaveLength(sent);
    expect(new Set(logs.map((log) => log.id)).size).toBe(sent);
  });
});

describe("a stream that fails before its first byte", () => {
  // A fresh process: the failures above count against gpt-5.4's breaker.
  beforeAll(() => fx.restart());

  it.each([
    ["#500", "gpt-5.4:500"],
    ["#slow", "gpt-5.4:0"],
  ])("falls back to the next model (%s), and the SDK sees only the answer", async (marker, failed) => {
    const { data, response } = await openai().chat.completions.create({ model: "policy/gpt-first", messages: [{ role: "user", content: `Hi ${marker}` }], stream: true }).withResponse();
    let text = "";
    for await (const chunk of data) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello from the fake upstream.");
    expect(response.headers.get("x-switchyard-model")).toBe("claude-opus-4.6");
    expect(response.headers.get("x-switchyard-fallbacks")).toBe("1");
    const attempts = attemptsOf(await logOf(response.headers.get("x-switchyard-request-id")));
    expect(attempts[0]).toBe(failed);
    expect(attempts.at(-1)).toBe("claude-opus-4.6:200");
  });
});
