// The official Anthropic SDK, unchanged, against the gateway process in demo mode.
import Anthropic from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";

const fx = setupGateway();
/** The Anthropic SDK appends /v1/messages itself. */
const origin = () => fx.gateway.baseUrl.replace(/\/v1$/, "");
const client = () => new Anthropic({ baseURL: origin(), apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

const weatherTool = {
  name: "get_weather",
  description: "Current weather for a city",
  input_schema: {
    type: "object" as const,
    properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["city", "unit"],
  },
};

function expectWeatherInput(input: unknown) {
  const args = input as Record<string, unknown>;
  expect(Object.keys(args).sort()).toEqual(["city", "unit"]);
  expect(typeof args.city).toBe("string");
  expect(["celsius", "fahrenheit"]).toContain(args.unit);
}

const textOf = (message: Anthropic.Message) => message.content.map((block) => (block.type === "text" ? block.text : "")).join("");

describe("gateway with the Anthropic SDK (demo mode)", () => {
  it("answers a repeated request from the cache in Anthropic's format, streamed when asked, logged as a free hit", async () => {
    const params = { model: "auto", max_tokens: 100, messages: [{ role: "user" as const, content: "Which planet is known as the red planet?" }] };
    const first = await client().messages.create(params).withResponse();
    expect(first.response.headers.get("x-switchyard-cache")).toBe("miss");

    const hit = await client().messages.create(params).withResponse();
    expect(hit.response.headers.get("x-switchyard-cache")).toBe("hit");
    expect(hit.response.headers.get("x-switchyard-cost-usd")).toBe("0.00000000");
    expect(textOf(hit.data)).toBe(textOf(first.data));
    expect(hit.data.usage).toMatchObject({ input_tokens: first.data.usage.input_tokens, output_tokens: first.data.usage.output_tokens });

    const stream = client().messages.stream(params);
    const streamed = await stream.finalMessage();
    expect((await stream.withResponse()).response.headers.get("x-switchyard-cache")).toBe("hit");
    expect(textOf(streamed)).toBe(textOf(first.data));

    const row = await waitForRequestLog(fx.db, hit.response.headers.get("x-switchyard-request-id"));
    expect(row).toMatchObject({ cacheHit: true, status: 200, endpoint: "anthropic", attempts: [] });
    expect(Number(row.costUsd)).toBe(0);
  });

  it("answers with system and multi-turn messages, and the explanation headers", async () => {
    const { data, response } = await client()
      .messages.create({
        model: "auto",
        max_tokens: 200,
        system: "You are terse.",
        messages: [
          { role: "user", content: "Name a colour." },
          { role: "assistant", content: "Blue." },
          { role: "user", content: "Another one?" },
        ],
      })
      .withResponse();
    expect(data.type).toBe("message");
    expect(data.content[0]?.type === "text" && data.content[0].text).toBeTruthy();
    expect(data.stop_reason).toBe("end_turn");
    expect(data.usage.input_tokens).toBeGreaterThan(0);
    expect(data.usage.output_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-switchyard-request-id")).toBe(data.id);
    expect(response.headers.get("x-switchyard-simulated")).toBe("true");
    expect(response.headers.get("x-switchyard-model")).toBe(data.model);
  });

  it("streams the documented event sequence, assembled by stream.finalMessage()", async () => {
    const stream = client().messages.stream({ model: "auto", max_tokens: 200, messages: [{ role: "user", content: "Say something." }] });
    const types: string[] = [];
    stream.on("streamEvent", (event) => types.push(event.type));
    const final = await stream.finalMessage();
    expect(types[0]).toBe("message_start");
    expect(types).toContain("content_block_start");
    expect(types).toContain("content_block_delta");
    expect(types.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    expect(final.content[0]?.type === "text" && final.content[0].text).toBeTruthy();
    expect(final.usage.output_tokens).toBeGreaterThan(0);
  });

  it("makes a forced tool call whose input fits the schema", async () => {
    const message = await client().messages.create({
      model: "auto",
      max_tokens: 200,
      messages: [{ role: "user", content: "What's it like outside in Oslo?" }],
      tools: [weatherTool],
      tool_choice: { type: "tool", name: "get_weather" },
    });
    expect(message.stop_reason).toBe("tool_use");
    const block = message.content.find((b) => b.type === "tool_use");
    expect(block?.type === "tool_use" && block.name).toBe("get_weather");
    if (block?.type === "tool_use") expectWeatherInput(block.input);
  });

  it("streams a tool call", async () => {
    const stream = client().messages.stream({
      model: "auto",
      max_tokens: 200,
      messages: [{ role: "user", content: "Use the tool for Lima." }],
      tools: [weatherTool],
      tool_choice: { type: "any" },
    });
    const final = await stream.finalMessage();
    const block = final.content.find((b) => b.type === "tool_use");
    expect(final.stop_reason).toBe("tool_use");
    if (block?.type !== "tool_use") throw new Error("expected a tool_use block");
    expectWeatherInput(block.input);
  });

  it("accepts the key as Authorization: Bearer too, and a tool result turn", async () => {
    const bearer = new Anthropic({ baseURL: origin(), authToken: fx.tenant.apiKey, apiKey: null, maxRetries: 0 });
    const message = await bearer.messages.create({
      model: "auto",
      max_tokens: 100,
      tools: [weatherTool],
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris", unit: "celsius" } }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: '{"temp":21}' }] },
      ],
    });
    expect(message.content.length).toBeGreaterThan(0);
  });

  it.each(["coding", "math", "science", "computer_use", "general"])("honours x-switchyard-category: %s", async (category) => {
    const response = await client()
      .messages.create({ model: "auto", max_tokens: 50, messages: [{ role: "user", content: "Hello there." }] }, { headers: { "x-switchyard-category": category } })
      .asResponse();
    expect(response.headers.get("x-switchyard-category")).toBe(category);
  });

  it("lists models in Anthropic's shape", async () => {
    const ids = [];
    for await (const model of client().models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(["auto", "policy/default", "claude-opus-4.6"]));
  });

  it("counts a request's input tokens for the model it would be routed to, and refuses a malformed one", async () => {
    const short = await client().messages.countTokens({ model: "auto", messages: [{ role: "user", content: "Hi" }] }).withResponse();
    expect(short.response.headers.get("x-switchyard-token-count")).toBe("estimated");
    expect(short.response.headers.get("x-switchyard-model")).toEqual(expect.any(String));
    const long = await client().messages.countTokens({
      model: "auto",
      system: "You are a careful reviewer.",
      messages: [{ role: "user", content: "Review this function and list every bug you find: ".repeat(20) }],
      tools: [{ name: "open_file", description: "Open a file", input_schema: { type: "object", properties: { path: { type: "string" } } } }],
    });
    expect(long.input_tokens).toBeGreaterThan(short.data.input_tokens + 100);
    const malformed = await client().messages.countTokens({ model: "auto", messages: [] }).catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it("retrieves one model in Anthropic's shape or refuses an unknown one", async () => {
    expect(await client().models.retrieve("claude-opus-4.6")).toMatchObject({ type: "model", id: "claude-opus-4.6", display_name: expect.any(String), created_at: expect.any(String) });
    expect(await client().models.retrieve("policy/default")).toMatchObject({ type: "model", id: "policy/default" });
    expect(await client().models.retrieve("no-such-model").catch((e: unknown) => e)).toBeInstanceOf(Anthropic.NotFoundError);
  });
});
