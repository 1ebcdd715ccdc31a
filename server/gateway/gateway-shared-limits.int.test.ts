// Two gateway processes sharing one Redis: a key's monthly budget and its requests per minute
// hold across both under concurrent load, and an answer cached by one is served by the other.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { setupTestRedis } from "../redis/test-redis";
import { issueTestKey } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { startGatewayProcess, type GatewayProcess } from "../testing/start-gateway-process";

const BUDGET_USD = 0.05;
const redis = setupTestRedis();
const sharedEnv = { REDIS_URL: redis.url, SWITCHYARD_REDIS_PREFIX: redis.prefix };
const budgeted = { secret: "", id: "" };
const RPM = 4;
const limited = { secret: "" };
const fx = setupGateway({
  env: sharedEnv,
  prepare: async ({ db, tenant }) => {
    const key = generateApiKeySecret();
    budgeted.secret = key.secret;
    budgeted.id = (await db.apiKey.create({ data: { tenantId: tenant.tenantId, name: "Budgeted", prefix: key.prefix, hash: key.hash, monthlyBudgetUsd: BUDGET_USD } })).id;
    limited.secret = await issueTestKey(db, tenant.tenantId, { rpmLimit: RPM });
  },
});
let second: GatewayProcess;
beforeAll(async () => {
  second = await startGatewayProcess({ databaseUrl: fx.databaseUrl, masterKey: fx.masterKey, env: sharedEnv });
});
afterAll(async () => {
  await second?.stop();
});

async function chat(baseUrl: string, apiKey: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe("gateway processes sharing Redis", () => {
  it("never let a key spend more than its budget, however the requests are spread", async () => {
    const gateways = [fx.gateway.baseUrl, second.baseUrl];
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      chat(gateways[i % 2]!, budgeted.secret, { model: "gpt-5.4", max_tokens: 300, messages: [{ role: "user", content: `Explain topic number ${i} in detail.` }] })));
    const admitted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 429 || r.status === 402);
    expect(admitted.length + refused.length).toBe(results.length);
    expect(admitted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      // Held by requests in flight: retry soon; too large for what is left: no wait helps.
      if (r.status === 429) expect(Number(r.headers.get("retry-after"))).toBeGreaterThan(0);
      else expect(r.headers.get("retry-after")).toBeNull();
      expect(JSON.parse(r.text).error.message).toContain("monthly budget of key");
    }
    const spent = admitted.reduce((sum, r) => sum + Number(r.headers.get("x-switchyard-cost-usd")), 0);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(BUDGET_USD);
    // Every request is logged once, refusals included, and the logged spend agrees.
    const logs = (await waitForRequestLogs(fx, results.length)).filter((l) => l.apiKeyId === budgeted.id);
    expect(logs).toHaveLength(results.length);
    expect(logs.filter((l) => l.status === 429 || l.status === 402)).toHaveLength(refused.length);
    expect(logs.reduce((sum, l) => sum + Number(l.costUsd ?? 0), 0)).toBeLessThanOrEqual(BUDGET_USD);
  });

  it("serves an answer cached by one process from the other, in either mode", async () => {
    const body = { model: "auto", messages: [{ role: "user", content: "What is the capital of France?" }] };
    const first = await chat(fx.gateway.baseUrl, fx.tenant.apiKey, body);
    expect(first.headers.get("x-switchyard-cache")).toBe("miss");
    const answer = JSON.parse(first.text).choices[0].message.content as string;
    await new Promise((r) => setTimeout(r, 100));

    const hit = await chat(second.baseUrl, fx.tenant.apiKey, body);
    expect(hit.headers.get("x-switchyard-cache")).toBe("hit");
    expect(hit.headers.get("x-switchyard-cost-usd")).toBe("0.00000000");
    expect(JSON.parse(hit.text).choices[0].message.content).toBe(answer);

    const streamed = await chat(second.baseUrl, fx.tenant.apiKey, { ...body, stream: true });
    expect(streamed.headers.get("x-switchyard-cache")).toBe("hit");
    const text = streamed.text.split("\n").filter((l) => l.startsWith("data: {")).map((l) => JSON.parse(l.slice(6)).choices[0]?.delta?.content ?? "").join("");
    expect(text).toBe(answer);

    const bypass = await chat(second.baseUrl, fx.tenant.apiKey, body, { "x-switchyard-cache": "bypass" });
    expect(bypass.headers.get("x-switchyard-cache")).toBe("bypass");
  });

  it("hold a key's requests per minute across both, refusing in each SDK's format with Retry-After", async () => {
    const openai = (baseURL: string) => new OpenAI({ baseURL, apiKey: limited.secret, maxRetries: 0 });
    // Distinct prompts: cache hits are not limited (they cost nothing upstream).
    let n = 0;
    const ask = (baseURL: string) => openai(baseURL).chat.completions.create({ model: "auto", messages: [{ role: "user", content: `Hi ${n++}` }] }).withResponse();
    const gateways = [fx.gateway.baseUrl, second.baseUrl];
    // Windows are whole minutes: start well inside one, so that all of these calls share it.
    const leftInMinute = 60_000 - (Date.now() % 60_000);
    if (leftInMinute < 5_000) await new Promise((resolve) => setTimeout(resolve, leftInMinute + 100));
    for (let i = 0; i < RPM; i++) expect((await ask(gateways[i % 2]!)).response.status).toBe(200);

    const refused = await ask(gateways[0]!).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number((refused as InstanceType<typeof OpenAI.RateLimitError>).headers?.get("retry-after"))).toBeGreaterThan(0);
    const anthropic = new Anthropic({ baseURL: gateways[1]!.replace(/\/v1$/, ""), apiKey: limited.secret, maxRetries: 0 });
    const refusedToo = await anthropic.messages.create({ model: "auto", max_tokens: 20, messages: [{ role: "user", content: "Hello" }] }).catch((e: unknown) => e);
    expect(refusedToo).toBeInstanceOf(Anthropic.RateLimitError);
    expect(Number((refusedToo as InstanceType<typeof Anthropic.RateLimitError>).headers?.get("retry-after"))).toBeGreaterThan(0);
  });
});
