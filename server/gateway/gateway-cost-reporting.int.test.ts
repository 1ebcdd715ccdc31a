// What the cost headers and fields mean, through the official SDKs against the gateway process
// (demo mode): a stream's header is named as the estimate made before the call, and its final
// usage carries the real cost; JSON answers carry the real cost in the header and in usage.cost;
// each real cost equals the one in the request log.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const fx = setupGateway();
const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });
const anthropic = () => new Anthropic({ baseURL: fx.gateway.baseUrl.replace(/\/v1$/, ""), apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

/** The extra field the SDKs' types do not name (OpenRouter's `usage.cost`). */
const costOf = (usage: unknown) => (usage as { cost?: number | null } | null | undefined)?.cost;

async function loggedCost(requestId: string | null): Promise<number | null> {
  const log = await waitForRequestLog(fx.db, requestId);
  return log.costUsd === null ? null : Number(log.costUsd);
}

function expectStreamHeaders(headers: Headers) {
  expect(Number(headers.get("x-switchyard-estimated-cost-usd"))).toBeGreaterThan(0);
  expect(headers.get("x-switchyard-cost-usd")).toBeNull();
}

describe("cost reporting", () => {
  it("Chat Completions: a stream names its estimate and ends with the real cost in its usage chunk", async () => {
    const { data: stream, response } = await openai()
      .chat.completions.create({ model: "gpt-5.4", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "Write a limerick about caches." }] })
      .withResponse();
    expectStreamHeaders(response.headers);
    let usage: unknown = null;
    for await (const chunk of stream) if (chunk.usage) usage = chunk.usage;
    expect(costOf(usage)).toBeGreaterThan(0);
    expect(costOf(usage)).toBe(await loggedCost(response.headers.get("x-switchyard-request-id")));

    // The SDK's stream helper keeps the field in the assembled completion.
    const final = await openai().chat.completions.stream({ model: "gpt-5.4", stream_options: { include_usage: true }, messages: [{ role: "user", content: "Write a limerick about routers." }] }).finalChatCompletion();
    expect(costOf(final.usage)).toBe(await loggedCost(final.id));
  });

  it("Chat Completions JSON: the header and usage.cost are the real cost, as logged", async () => {
    const { data, response } = await openai().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: "Name three rivers." }] }).withResponse();
    const logged = await loggedCost(data.id);
    expect(logged).toBeGreaterThan(0);
    expect(Number(response.headers.get("x-switchyard-cost-usd"))).toBe(logged);
    expect(costOf(data.usage)).toBe(logged);
    expect(response.headers.get("x-switchyard-estimated-cost-usd")).toBeNull();
  });

  it("Anthropic Messages: the stream's message_delta usage and the JSON usage carry the real cost", async () => {
    const stream = anthropic().messages.stream({ model: "claude-opus-4.6", max_tokens: 200, messages: [{ role: "user", content: "Describe a lighthouse." }] });
    let deltaUsage: unknown = null;
    stream.on("streamEvent", (event) => {
      if (event.type === "message_delta") deltaUsage = event.usage;
    });
    const { response } = await stream.withResponse();
    expectStreamHeaders(response.headers);
    const message = await stream.finalMessage();
    expect(message.usage.output_tokens).toBeGreaterThan(0);
    expect(costOf(deltaUsage)).toBeGreaterThan(0);
    expect(costOf(deltaUsage)).toBe(await loggedCost(message.id));

    const { data, response: jsonResponse } = await anthropic().messages.create({ model: "claude-opus-4.6", max_tokens: 200, messages: [{ role: "user", content: "Describe a harbour." }] }).withResponse();
    expect(costOf(data.usage)).toBe(await loggedCost(data.id));
    expect(Number(jsonResponse.headers.get("x-switchyard-cost-usd"))).toBe(costOf(data.usage));
  });

  it("Responses: response.completed and the JSON response carry the real cost", async () => {
    const stream = openai().responses.stream({ model: "gpt-5.4", input: "Explain DNS in one sentence." });
    const final = await stream.finalResponse();
    expect(costOf(final.usage)).toBeGreaterThan(0);
    expect(costOf(final.usage)).toBe(await loggedCost(final.id));

    const { data, response } = await openai().responses.create({ model: "gpt-5.4", input: "Explain BGP in one sentence." }).withResponse();
    expect(costOf(data.usage)).toBe(await loggedCost(data.id));
    expect(Number(response.headers.get("x-switchyard-cost-usd"))).toBe(costOf(data.usage));
  });

  it("an unpriced model's cost is null, never 0, and a cache hit's is a known 0", async () => {
    const { data, response } = await openai().chat.completions.create({ model: "glm-5", messages: [{ role: "user", content: "Say hi." }] }).withResponse();
    expect(response.headers.get("x-switchyard-cost-usd")).toBe("unpriced");
    expect(costOf(data.usage)).toBeNull();
    expect(await loggedCost(data.id)).toBeNull();

    const ask = { model: "auto", messages: [{ role: "user" as const, content: "What is the capital of Norway?" }] };
    await openai().chat.completions.create(ask);
    const { data: hit, response: hitResponse } = await openai().chat.completions.create({ ...ask, stream: true, stream_options: { include_usage: true } }).withResponse();
    expect(hitResponse.headers.get("x-switchyard-cache")).toBe("hit");
    expect(hitResponse.headers.get("x-switchyard-cost-usd")).toBe("0.00000000");
    expect(hitResponse.headers.get("x-switchyard-estimated-cost-usd")).toBeNull();
    let usage: unknown = null;
    for await (const chunk of hit) if (chunk.usage) usage = chunk.usage;
    expect(costOf(usage)).toBe(0);
  });
});
