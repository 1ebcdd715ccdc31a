// Budget refusals through the running gateway, with the budget counters in the process and in
// Redis: a request whose hold does not fit in what is left is told so (402, no Retry-After) and
// a smaller one passes; a used-up budget is a 429 whose Retry-After is the month's end, and the
// SDKs are told not to retry it.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { nextMonthStart } from "../limits/calendar";
import { setupTestRedis } from "../redis/test-redis";
import { setupGateway } from "../testing/setup-gateway";
import { startGatewayProcess, type GatewayProcess } from "../testing/start-gateway-process";

// gpt-5.4 at $2.50/M input and $20/M output; a general request is expected to write 450 tokens
// unless max_tokens is lower, and holds twice its expected cost: about $0.018 without max_tokens,
// under $0.001 with max_tokens 10.
const TIGHT_BUDGET_USD = 0.01;
const SPENT_BUDGET_USD = 0.05;
const keys = { tight: "", spent: "" };

const redis = setupTestRedis();
const fx = setupGateway({
  prepare: async ({ db, tenant }) => {
    const issue = async (name: string, monthlyBudgetUsd: number) => {
      const key = generateApiKeySecret();
      const row = await db.apiKey.create({ data: { tenantId: tenant.tenantId, name, prefix: key.prefix, hash: key.hash, monthlyBudgetUsd } });
      return { secret: key.secret, id: row.id };
    };
    keys.tight = (await issue("Tight", TIGHT_BUDGET_USD)).secret;
    const spent = await issue("Spent", SPENT_BUDGET_USD);
    keys.spent = spent.secret;
    // This month's spend already reaches the budget (the counters start from the rollups).
    const now = new Date();
    await db.usageRollup.create({
      data: { tenantId: tenant.tenantId, hour: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), category: "general", model: "gpt-5.4", apiKeyId: spent.id, requests: 5, costUsd: SPENT_BUDGET_USD, latencyHistogram: [], ttftHistogram: [] },
    });
  },
});
let shared: GatewayProcess;
beforeAll(async () => {
  shared = await startGatewayProcess({ databaseUrl: fx.databaseUrl, masterKey: fx.masterKey, env: { REDIS_URL: redis.url, SWITCHYARD_REDIS_PREFIX: redis.prefix } });
});
afterAll(async () => {
  await shared?.stop();
});

let n = 0;
/** A fresh prompt each time: cache hits are never budgeted. */
const prompt = () => [{ role: "user" as const, content: `Tell me about the weather, take ${n++}.` }];
const general = { "x-switchyard-category": "general" };

const stores = [
  { name: "in-process counters", baseUrl: () => fx.gateway.baseUrl },
  { name: "Redis counters", baseUrl: () => shared.baseUrl },
];

describe.each(stores)("budget refusals with $name", ({ baseUrl }) => {
  const openai = (apiKey: string, options: { maxRetries?: number; fetch?: typeof fetch } = {}) =>
    new OpenAI({ baseURL: baseUrl(), apiKey, maxRetries: 0, defaultHeaders: general, ...options });
  const anthropic = (apiKey: string) => new Anthropic({ baseURL: baseUrl().replace(/\/v1$/, ""), apiKey, maxRetries: 0, defaultHeaders: general });

  it("explains a request too large for what is left, without a month-long Retry-After, and lets a smaller one through", async () => {
    const refused = await openai(keys.tight).chat.completions.create({ model: "gpt-5.4", messages: prompt() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    const error = refused as InstanceType<typeof OpenAI.APIError>;
    expect(error.status).toBe(402);
    expect(error.headers?.get("retry-after")).toBeNull();
    expect(error.error).toMatchObject({ type: "insufficient_quota", code: "budget_insufficient" });
    // What is left: the budget, less what the requests before this one (in either process) spent.
    expect(error.message).toMatch(/This request needs an estimated \$0\.01\d{2} but only \$0\.0\d+ of the monthly budget of key "Tight" \(\$0\.0100\) is left; send a smaller request \(lower max_tokens\) or raise the budget/);

    const inAnthropicFormat = await anthropic(keys.tight).messages.create({ model: "gpt-5.4", max_tokens: 4000, messages: prompt() }).catch((e: unknown) => e);
    expect(inAnthropicFormat).toBeInstanceOf(Anthropic.APIError);
    expect((inAnthropicFormat as InstanceType<typeof Anthropic.APIError>).status).toBe(402);
    expect((inAnthropicFormat as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: "error", error: { type: "billing_error", message: expect.stringContaining("send a smaller request") } });

    const smaller = await openai(keys.tight).chat.completions.create({ model: "gpt-5.4", max_tokens: 10, messages: prompt() }).withResponse();
    expect(smaller.response.status).toBe(200);
    expect(Number(smaller.response.headers.get("x-switchyard-cost-usd"))).toBeGreaterThan(0);
    const smallerToo = await anthropic(keys.tight).messages.create({ model: "gpt-5.4", max_tokens: 10, messages: prompt() });
    expect(smallerToo.usage.output_tokens).toBeGreaterThan(0);
  });

  it("holds for a tool call's arguments and the tools' schemas too, which the classifier never reads", async () => {
    // About 20,000 tokens of arguments: $0.05 of input at gpt-5.4's price, though the text is a few words.
    const args = JSON.stringify({ blob: "lorem ipsum ".repeat(10_000) });
    const refused = await openai(keys.tight)
      .chat.completions.create({
        model: "gpt-5.4",
        max_tokens: 10,
        messages: [
          { role: "user", content: "Store the blob." },
          { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "store", arguments: args } }] },
          { role: "tool", tool_call_id: "c1", content: "stored" },
          ...prompt(),
        ],
        tools: [{ type: "function", function: { name: "store", parameters: { type: "object", properties: { blob: { type: "string" } } } } }],
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.APIError);
    expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(402);
    expect((refused as InstanceType<typeof OpenAI.APIError>).message).toMatch(/This request needs an estimated \$0\.[01]\d+/);
  });

  it("answers a used-up budget with 429 and Retry-After until the month ends, which the SDK does not retry at once", async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    // The SDK's default retries: the gateway's x-should-retry: false stops them.
    const refused = await openai(keys.spent, { maxRetries: 2, fetch: counting }).chat.completions.create({ model: "gpt-5.4", max_tokens: 10, messages: prompt() }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OpenAI.RateLimitError);
    expect(calls).toBe(1);
    const error = refused as InstanceType<typeof OpenAI.RateLimitError>;
    const untilMonthEnd = (nextMonthStart(new Date()).getTime() - Date.now()) / 1000;
    expect(Number(error.headers?.get("retry-after"))).toBeGreaterThan(untilMonthEnd - 30);
    expect(Number(error.headers?.get("retry-after"))).toBeLessThan(untilMonthEnd + 30);
    expect(error.headers?.get("x-should-retry")).toBe("false");
    expect(error.message).toContain(`The monthly budget of key "Spent" ($0.0500) is used up ($0.0500 spent); it resets at ${nextMonthStart(new Date()).toISOString()}`);

    const inAnthropicFormat = await anthropic(keys.spent).messages.create({ model: "gpt-5.4", max_tokens: 10, messages: prompt() }).catch((e: unknown) => e);
    expect(inAnthropicFormat).toBeInstanceOf(Anthropic.RateLimitError);
    expect(Number((inAnthropicFormat as InstanceType<typeof Anthropic.RateLimitError>).headers?.get("retry-after"))).toBeGreaterThan(untilMonthEnd - 30);
  });
});
