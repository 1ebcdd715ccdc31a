// Outbound calls through the gateway process: a stored base URL that reaches a non-public
// address is refused at connect time with no operator allow-list (whatever the database holds),
// works once the operator allows it, a redirect is never followed, and an upstream's error body
// never reaches the caller.
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, startScriptedServer, type FakeUpstream } from "../testing/fake-upstreams";
import { createOrderedPolicy } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const SECRET = "db-primary.internal:5432 refused the connection; token sk-live-0123456789abcdef";
const fakes = {} as Record<"local" | "target" | "redirecting" | "leaky", FakeUpstream>;

const fx = setupGateway({
  // The default, no allow-list (the test set-up allows 127.0.0.1, and the process would inherit
  // it). Breakers stay closed, so every test sees its upstream's own failure.
  env: { SWITCHYARD_ALLOWED_UPSTREAM_HOSTS: "", SWITCHYARD_BREAKER_FAILURES: "1000" },
  prepare: async ({ db, tenant }) => {
    fakes.local = await startFakeOpenAI();
    fakes.target = await startFakeOpenAI();
    fakes.redirecting = await startScriptedServer(() => ({ status: 307, headers: { location: `${fakes.target.url}/v1/chat/completions` } }));
    fakes.leaky = await startFakeOpenAI({ fault: { type: "status", status: 500, message: SECRET } });
    const model = (slug: string, baseUrl: string) =>
      db.model.create({
        data: {
          tenantId: tenant.tenantId, slug, provider: "openai-compatible", providerModelId: slug, displayName: slug, baseUrl,
          inputPricePerMTok: 0.1, outputPricePerMTok: 0.1, contextWindow: 100_000, quality: { coding: 90, math: 90, science: 90, computer_use: 90, general: 90 },
        },
      });
    // Stored directly, as a row written before base URLs were checked would be.
    await model("local-llm", `${fakes.local.url}/v1`);
    await model("localhost-llm", `${fakes.local.url.replace("127.0.0.1", "localhost")}/v1`);
    await model("redirecting-llm", `${fakes.redirecting.url}/v1`);
    await model("leaky-llm", `${fakes.leaky.url}/v1`);
    await createOrderedPolicy(db, tenant.tenantId, "local-first", ["local-llm", "gpt-5.4"]);
  },
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map((fake) => fake.close()));
});

const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });
/** The error the SDK raises for a request that must fail. */
async function failureOf(model: string, stream = false): Promise<InstanceType<typeof OpenAI.APIError>> {
  const body = { model, messages: [{ role: "user" as const, content: "Hello" }], stream } as OpenAI.ChatCompletionCreateParamsNonStreaming;
  const outcome: unknown = await openai().chat.completions.create(body).then(() => null, (e: unknown) => e);
  if (!(outcome instanceof OpenAI.APIError)) throw new Error(`expected ${model} to fail, got ${String(outcome)}`);
  return outcome;
}
const requestIdOf = (error: InstanceType<typeof OpenAI.APIError>) => error.headers?.get("x-switchyard-request-id") ?? null;

describe("with no allow-list", () => {
  it.each(["local-llm", "localhost-llm"])("refuses %s, whose stored base URL is on loopback, before any request reaches it", async (model) => {
    const error = await failureOf(model);
    expect(error.status).toBe(502);
    expect(error.message).toContain("loopback address; upstream calls only reach public addresses");
    expect(error.message).not.toContain("127.0.0.1");
    expect(fakes.local.requests).toHaveLength(0);
    expect(await waitForRequestLog(fx.db, requestIdOf(error))).toMatchObject({ status: 502, errorClass: "blocked" });
  });

  it("moves down the plan past a refused model", async () => {
    const { data, response } = await openai().chat.completions.create({ model: "policy/local-first", messages: [{ role: "user", content: "Hello" }] }).withResponse();
    expect(data.model).toBe("gpt-5.4");
    const row = await waitForRequestLog(fx.db, response.headers.get("x-switchyard-request-id"));
    expect(row.attempts).toMatchObject([{ model: "local-llm", errorClass: "blocked" }, { model: "gpt-5.4", status: 200 }]);
    expect(fakes.local.requests).toHaveLength(0);
  });
});

describe("with 127.0.0.1 allowed by the operator", () => {
  beforeAll(() => fx.restart({ SWITCHYARD_ALLOWED_UPSTREAM_HOSTS: "127.0.0.0/8" }));

  it("calls the self-hosted model end to end", async () => {
    const { data, response } = await openai().chat.completions.create({ model: "local-llm", messages: [{ role: "user", content: "Hello" }] }).withResponse();
    expect(data.choices[0]?.message.content).toBeTruthy();
    expect(response.headers.get("x-switchyard-simulated")).toBe("false");
    expect(fakes.local.requests).toHaveLength(1);
  });

  it("does not follow a redirect: the 3xx is an upstream error and its target gets nothing", async () => {
    const error = await failureOf("redirecting-llm");
    expect(error.status).toBe(502);
    expect(error.message).toContain("HTTP 307");
    expect(fakes.redirecting.requests).toHaveLength(1);
    expect(fakes.target.requests).toHaveLength(0);
  });

  it.each([false, true])("answers an upstream 500 with its status and error code, never its body (stream: %s)", async (stream) => {
    const error = await failureOf("leaky-llm", stream);
    expect(error.status).toBe(502);
    expect(error.message).toContain("openai-compatible: HTTP 500 (server_error)");
    expect(JSON.stringify(error.error)).not.toMatch(/db-primary|sk-live/);
    expect(error.message).not.toMatch(/db-primary|sk-live/);
    // The server log keeps what the upstream said, with the key it echoed redacted.
    expect(fx.gateway.output()).toContain("db-primary.internal");
    expect(fx.gateway.output()).not.toContain("sk-live-0123456789abcdef");
  });
});
