// The official OpenAI SDK, unchanged, against the gateway process in demo mode (no provider
// credentials: every catalog model is served by the simulated provider).
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { weatherTool as sharedWeatherTool } from "../testing/weather-tool";

const fx = setupGateway();
const client = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

const weatherTool = { type: "function" as const, function: sharedWeatherTool };

/** The weather tool's schema, checked by hand: both fields present, the unit from the enum. */
function expectWeatherArguments(json: string) {
  const args = JSON.parse(json) as Record<string, unknown>;
  expect(Object.keys(args).sort()).toEqual(["city", "unit"]);
  expect(typeof args.city).toBe("string");
  expect(["celsius", "fahrenheit"]).toContain(args.unit);
}

describe("gateway with the OpenAI SDK (demo mode)", () => {
  it("answers a system + multi-turn request with the explanation headers", async () => {
    const { data, response } = await client()
      .chat.completions.create({
        model: "auto",
        messages: [
          { role: "system", content: "You are terse." },
          { role: "user", content: "Name a colour." },
          { role: "assistant", content: "Blue." },
          { role: "user", content: "Another one?" },
        ],
      })
      .withResponse();
    expect(data.choices[0]?.message.content).toBeTruthy();
    expect(data.choices[0]?.finish_reason).toBe("stop");
    expect(data.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(data.usage?.completion_tokens).toBeGreaterThan(0);
    const h = response.headers;
    expect(h.get("x-switchyard-request-id")).toBe(data.id);
    expect(h.get("x-switchyard-model")).toBe(data.model);
    expect(["coding", "math", "science", "computer_use", "general"]).toContain(h.get("x-switchyard-category"));
    expect(Number(h.get("x-switchyard-cost-usd"))).toBeGreaterThan(0);
    expect(h.get("x-switchyard-fallbacks")).toBe("0");
    expect(h.get("x-switchyard-cache")).toBe("miss");
    expect(h.get("x-switchyard-simulated")).toBe("true");
  });

  it("streams text with usage in the final chunk when asked", async () => {
    const stream = await client().chat.completions.create({
      model: "auto",
      messages: [{ role: "user", content: "Say something short." }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).not.toBe("");
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.at(-1)?.choices).toEqual([]);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it("ends a stream without usage chunks when include_usage is not set", async () => {
    const stream = await client().chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hi" }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
    expect(chunks.every((c) => !c.usage)).toBe(true);
  });

  it("makes a forced tool call whose arguments fit the schema", async () => {
    const completion = await client().chat.completions.create({
      model: "auto",
      messages: [{ role: "user", content: "What's it like outside in Oslo?" }],
      tools: [weatherTool],
      tool_choice: { type: "function", function: { name: "get_weather" } },
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect(call?.type === "function" && call.function.name).toBe("get_weather");
    if (call?.type === "function") expectWeatherArguments(call.function.arguments);
  });

  it("streams a tool call that the SDK's stream helper assembles", async () => {
    const stream = client().chat.completions.stream({
      model: "auto",
      messages: [{ role: "user", content: "Use the tool for Lima." }],
      tools: [weatherTool],
      tool_choice: "required",
    });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0]?.message.tool_calls?.[0];
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
    if (call?.type !== "function") throw new Error("expected a function call");
    expectWeatherArguments(call.function.arguments);
  });

  it("accepts a tool result turn, images and response_format", async () => {
    const completion = await client().chat.completions.create({
      model: "auto",
      response_format: { type: "json_object" },
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather here?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } }] },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }] },
        { role: "tool", tool_call_id: "call_1", content: '{"temp":21}' },
      ],
      tools: [weatherTool],
    });
    expect(completion.choices[0]?.message.content).toBeTruthy();
  });

  it.each(["coding", "math", "science", "computer_use", "general"])("honours x-switchyard-category: %s", async (category) => {
    const { response } = await client()
      .chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hello there." }] }, { headers: { "x-switchyard-category": category } })
      .withResponse();
    expect(response.headers.get("x-switchyard-category")).toBe(category);
  });

  it("selects a named policy or a catalog model directly", async () => {
    const viaPolicy = await client().chat.completions.create({ model: "policy/default", messages: [{ role: "user", content: "Hi" }] });
    expect(viaPolicy.model).toBeTruthy();
    const direct = await client().chat.completions.create({ model: "claude-opus-4.6", messages: [{ role: "user", content: "Hi" }] }).withResponse();
    expect(direct.data.model).toBe("claude-opus-4.6");
    expect(direct.response.headers.get("x-switchyard-model")).toBe("claude-opus-4.6");
  });

  it("lists auto, the tenant's policies and the catalog", async () => {
    const ids = [];
    for await (const model of client().models.list()) ids.push(model.id);
    expect(ids).toEqual(expect.arrayContaining(["auto", "policy/default", "gpt-5.4", "claude-opus-4.6", "gemini-3.1-pro", "glm-5"]));
  });

  it("retrieves one model, a policy (its id holds a slash) or refuses an unknown one", async () => {
    expect(await client().models.retrieve("gpt-5.4")).toMatchObject({ id: "gpt-5.4", object: "model", owned_by: "openai", created: expect.any(Number) });
    expect(await client().models.retrieve("policy/default")).toMatchObject({ id: "policy/default", object: "model", owned_by: "switchyard" });
    const unknown = await client().models.retrieve("no-such-model").catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect((unknown as InstanceType<typeof OpenAI.NotFoundError>).message).toContain("no-such-model");
  });

  it("accepts the key as x-api-key too", async () => {
    const res = await fetch(`${fx.gateway.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": fx.tenant.apiKey },
      body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: "Hi" }] }),
    });
    expect(res.status).toBe(200);
  });

  it("explains a routing decision without calling a model, and takes feedback", async () => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}` };
    const preview = await fetch(`${fx.gateway.baseUrl}/route`, { method: "POST", headers, body: JSON.stringify({ prompt: "Write a Python function that reverses a list" }) });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ policy: "default", category: "coding", model: expect.any(String), summary: expect.any(String), candidates: expect.any(Array) });

    const { response } = await client().chat.completions.create({ model: "auto", messages: [{ role: "user", content: "Hi" }] }).withResponse();
    const requestId = response.headers.get("x-switchyard-request-id");
    const feedback = await fetch(`${fx.gateway.baseUrl}/feedback`, { method: "POST", headers, body: JSON.stringify({ request_id: requestId, score: 0.8 }) });
    expect(feedback.status).toBe(201);
    expect(await fx.db.feedback.findMany({ where: { requestId: requestId! } })).toHaveLength(1);
    const logs = await waitForRequestLogs(fx, 15);
    expect(logs.filter((log) => log.id === requestId)).toHaveLength(1);
    // Every chat request of this file is logged once; the route preview is not a request.
    expect(logs).toHaveLength(15);
  });
});
