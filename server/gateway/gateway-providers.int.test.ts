// Each real adapter through the gateway process, against fake upstreams that speak the
// providers' documented wire formats and demand the tenant's (encrypted) credentials.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeAnthropic, startFakeGemini, startFakeOpenAI, type FakeUpstream, type RecordedRequest, type ScriptedReply } from "../testing/fake-upstreams";
import { addProviderCredential } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";

const SECRETS = { openai: "sk-openai-test", anthropic: "sk-ant-test", google: "gemini-test-key", zhipu: "zhipu-test-key" };
const fakes = {} as Record<"openai" | "anthropic" | "google" | "zhipu", FakeUpstream>;

/** A tool call whenever the request offers tools, else text; usage 12 in / 7 out, or prompt-cache usage for a long shared document. */
const reply = (req: RecordedRequest): ScriptedReply => {
  if (JSON.stringify(req.body).includes("A long shared document")) return { text: "Hello from the fake upstream.", usage: { input: 10, output: 7, cacheRead: 1000, cacheWrite: 100 } };
  return req.body?.tools?.length
    ? { toolCalls: [{ id: "call_w", name: "get_weather", arguments: { city: "Paris", unit: "celsius" } }], finishReason: "tool_calls", text: "" }
    : { text: "Hello from the fake upstream." };
};
let cachedRequestIds: string[] = [];

const fx = setupGateway({
  prepare: async ({ db, tenant, masterKey }) => {
    fakes.openai = await startFakeOpenAI({ apiKey: SECRETS.openai, reply });
    fakes.anthropic = await startFakeAnthropic({
      apiKey: SECRETS.anthropic,
      reply,
      fault: (_index, req) => (req.path.endsWith("/count_tokens") && JSON.stringify(req.body).includes("Fail the count") ? { type: "status", status: 500 } : undefined),
    });
    fakes.google = await startFakeGemini({ apiKey: SECRETS.google, reply });
    fakes.zhipu = await startFakeOpenAI({ apiKey: SECRETS.zhipu, reply });
    await addProviderCredential(db, tenant.tenantId, "openai", { baseUrl: `${fakes.openai.url}/v1`, apiKey: SECRETS.openai, masterKey });
    await addProviderCredential(db, tenant.tenantId, "anthropic", { baseUrl: fakes.anthropic.url, apiKey: SECRETS.anthropic, masterKey });
    await addProviderCredential(db, tenant.tenantId, "google", { baseUrl: `${fakes.google.url}/v1beta`, apiKey: SECRETS.google, masterKey });
    // zhipu has no credential yet: glm-5 starts in demo mode.
  },
});
afterAll(async () => {
  await Promise.all(Object.values(fakes).map((fake) => fake.close()));
});

const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });
const anthropic = () => new Anthropic({ baseURL: fx.gateway.baseUrl.replace(/\/v1$/, ""), apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });
const weatherTool = {
  type: "function" as const,
  function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" }, unit: { type: "string" } }, required: ["city", "unit"] } },
};
const hello = [{ role: "user" as const, content: "Say hello." }];

describe("real adapters through the gateway", () => {
  it("OpenAI: JSON answer with the tenant's key, reasoning effort, usage and real cost", async () => {
    const { data, response } = await openai()
      .chat.completions.create({ model: "gpt-5.4", messages: hello, response_format: { type: "json_object" }, reasoning_effort: "low" })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("Hello from the fake upstream.");
    expect(data.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7 });
    expect(response.headers.get("x-switchyard-simulated")).toBe("false");
    // 12 x $2.50/M + 7 x $20/M
    expect(Number(response.headers.get("x-switchyard-cost-usd"))).toBeCloseTo(0.00017, 8);
    const sent = fakes.openai.requests.at(-1);
    expect(sent?.headers.authorization).toBe(`Bearer ${SECRETS.openai}`);
    expect(sent?.body).toMatchObject({ model: "gpt-5.4", response_format: { type: "json_object" }, reasoning_effort: "low" });
  });

  it("OpenAI: streamed tool call with usage in the final chunk", async () => {
    const stream = await openai().chat.completions.create({
      model: "gpt-5.4", messages: hello, tools: [weatherTool], tool_choice: "required", stream: true, stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const args = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []).map((t) => t.function?.arguments ?? "").join("");
    expect(JSON.parse(args)).toEqual({ city: "Paris", unit: "celsius" });
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7 });
    expect(fakes.openai.requests.at(-1)?.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, tool_choice: "required" });
  });

  it("Anthropic: JSON answer and a streamed tool call, with the key as x-api-key", async () => {
    const message = await anthropic().messages.create({ model: "claude-opus-4.6", max_tokens: 100, system: "Be brief.", messages: hello });
    expect(message.content).toEqual([expect.objectContaining({ type: "text", text: "Hello from the fake upstream." })]);
    expect(message.usage).toMatchObject({ input_tokens: 12, output_tokens: 7 });
    const sent = fakes.anthropic.requests.at(-1);
    expect(sent?.headers["x-api-key"]).toBe(SECRETS.anthropic);
    expect(sent?.body).toMatchObject({ model: "claude-opus-4-6", system: "Be brief." });

    const stream = anthropic().messages.stream({
      model: "claude-opus-4.6", max_tokens: 100, messages: hello,
      tools: [{ name: "get_weather", input_schema: { type: "object", properties: { city: { type: "string" } } } }], tool_choice: { type: "any" },
    });
    const final = await stream.finalMessage();
    expect(final.content.find((b) => b.type === "tool_use")).toMatchObject({ name: "get_weather", input: { city: "Paris", unit: "celsius" } });
    expect(final.usage).toMatchObject({ output_tokens: 7 });
  });

  it("Gemini: streamed tool call to an OpenAI caller, with usage", async () => {
    const stream = openai().chat.completions.stream({ model: "gemini-3.1-pro", messages: hello, tools: [weatherTool], stream_options: { include_usage: true } });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === "function" && JSON.parse(call.function.arguments)).toEqual({ city: "Paris", unit: "celsius" });
    expect(final.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7 });
    const sent = fakes.google.requests.at(-1);
    expect(sent?.headers["x-goog-api-key"]).toBe(SECRETS.google);
    expect(sent?.path).toContain("gemini-3.1-pro:streamGenerateContent");
  });

  it("a provider without a credential is simulated until one is added", async () => {
    const before = await openai().chat.completions.create({ model: "glm-5", messages: hello }).withResponse();
    expect(before.response.headers.get("x-switchyard-simulated")).toBe("true");
    expect(fakes.zhipu.requests).toHaveLength(0);

    await addProviderCredential(fx.db, fx.tenant.tenantId, "zhipu", { baseUrl: fakes.zhipu.url, apiKey: SECRETS.zhipu, masterKey: fx.masterKey });
    // The console invalidates the tenant's cached configuration in its own process; a separate
    // gateway process picks the credential up after its TTL, or at once after a restart.
    await fx.restart();

    const after = await openai().chat.completions.create({ model: "glm-5", messages: hello }).withResponse();
    expect(after.response.headers.get("x-switchyard-simulated")).toBe("false");
    expect(after.data.choices[0]?.message.content).toBe("Hello from the fake upstream.");
    expect(fakes.zhipu.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRETS.zhipu}`);
    // glm-5's output price is unknown: the cost is unpriced, never $0.
    expect(after.response.headers.get("x-switchyard-cost-usd")).toBe("unpriced");
  });

  it("passes prompt-cache breakpoints on to Anthropic, from either SDK, and prices cache reads and writes", async () => {
    const { data, response } = await anthropic()
      .messages.create({
        model: "claude-opus-4.6",
        max_tokens: 100,
        system: [{ type: "text", text: "A long shared document.", cache_control: { type: "ephemeral", ttl: "1h" } }],
        messages: [{ role: "user", content: [{ type: "text", text: "Say hello.", cache_control: { type: "ephemeral" } }] }],
      })
      .withResponse();
    expect(data.usage).toMatchObject({ input_tokens: 10, output_tokens: 7, cache_read_input_tokens: 1000, cache_creation_input_tokens: 100 });
    // 10 x $5/M + 1000 cached x $0.50/M + 100 written x $6.25/M + 7 x $25/M
    expect(Number(response.headers.get("x-switchyard-cost-usd"))).toBeCloseTo(0.00135, 8);
    expect(fakes.anthropic.requests.at(-1)?.body).toMatchObject({
      system: [{ type: "text", text: "A long shared document.", cache_control: { type: "ephemeral", ttl: "1h" } }],
      messages: [{ role: "user", content: [{ type: "text", text: "Say hello.", cache_control: { type: "ephemeral" } }] }],
    });

    // OpenAI's wire has no such field; text parts may carry it, as OpenRouter accepts.
    const part = { type: "text" as const, text: "A long shared document.", cache_control: { type: "ephemeral" } };
    const viaOpenAI = await openai().chat.completions.create({ model: "claude-opus-4.6", messages: [{ role: "system", content: [part] }, ...hello] } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    expect(fakes.anthropic.requests.at(-1)?.body.system).toEqual([{ type: "text", text: "A long shared document.", cache_control: { type: "ephemeral" } }]);
    expect(viaOpenAI.usage).toMatchObject({ prompt_tokens: 1110, prompt_tokens_details: { cached_tokens: 1000 } });
    cachedRequestIds = [data.id, viaOpenAI.id];
  });

  it("counts tokens with Anthropic for its models, locally for the others or when Anthropic fails, and logs none of it", async () => {
    const viaAnthropic = await anthropic().messages.countTokens({ model: "claude-opus-4.6", system: "Be brief.", messages: hello }).withResponse();
    expect(viaAnthropic.data).toEqual({ input_tokens: 12 });
    expect(viaAnthropic.response.headers.get("x-switchyard-token-count")).toBe("provider");
    expect(viaAnthropic.response.headers.get("x-switchyard-model")).toBe("claude-opus-4.6");
    const sent = fakes.anthropic.requests.at(-1);
    expect(sent?.path).toBe("/v1/messages/count_tokens");
    expect(sent?.headers["x-api-key"]).toBe(SECRETS.anthropic);
    expect(sent?.body).toEqual({ model: "claude-opus-4-6", system: "Be brief.", messages: [{ role: "user", content: [{ type: "text", text: "Say hello." }] }] });

    const openAIRequests = fakes.openai.requests.length;
    const local = await anthropic().messages.countTokens({ model: "gpt-5.4", messages: hello }).withResponse();
    expect(local.response.headers.get("x-switchyard-token-count")).toBe("estimated");
    expect(local.data.input_tokens).toBeGreaterThan(3);
    expect(fakes.openai.requests).toHaveLength(openAIRequests);

    const failed = await anthropic().messages.countTokens({ model: "claude-opus-4.6", messages: [{ role: "user", content: "Fail the count, please." }] }).withResponse();
    expect(failed.response.headers.get("x-switchyard-token-count")).toBe("estimated");
    expect(failed.data.input_tokens).toBeGreaterThan(3);
    expect(fakes.anthropic.requests.at(-1)?.path).toBe("/v1/messages/count_tokens");
  });

  it("records each request with real tokens, provider and price", async () => {
    const logs = await waitForRequestLogs(fx, 9);
    expect(logs).toHaveLength(9);
    const real = logs.filter((log) => !log.simulated);
    expect(real.map((log) => log.provider).sort()).toEqual(["anthropic", "anthropic", "anthropic", "anthropic", "google", "openai", "openai", "zhipu"]);
    const [cachedLogs, plainLogs] = [real.filter((log) => cachedRequestIds.includes(log.id)), real.filter((log) => !cachedRequestIds.includes(log.id))];
    expect(cachedLogs.map((log) => [log.inputTokens, log.cachedInputTokens, log.cacheWriteTokens, Number(log.costUsd)])).toEqual([
      [1110, 1000, 100, expect.closeTo(0.00135, 8)],
      [1110, 1000, 100, expect.closeTo(0.00135, 8)],
    ]);
    expect(plainLogs.every((log) => log.cachedInputTokens === null && log.cacheWriteTokens === null)).toBe(true);
    expect(plainLogs.every((log) => log.inputTokens === 12 && log.outputTokens === 7 && log.status === 200)).toBe(true);
    const glm = real.find((log) => log.chosenModel === "glm-5");
    expect(glm?.costUsd).toBeNull();
    expect(real.filter((log) => log.chosenModel !== "glm-5").every((log) => Number(log.costUsd) > 0)).toBe(true);
  });
});
