// The official OpenAI SDK's Responses API, unchanged, against the gateway process in demo mode
// (every catalog model is served by the simulated provider).
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { weatherTool as sharedWeatherTool } from "../testing/weather-tool";

const fx = setupGateway();
const client = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });

const weatherTool = { type: "function" as const, ...sharedWeatherTool, strict: true };

describe("gateway with the OpenAI SDK's Responses API (demo mode)", () => {
  it("answers with output_text, usage and the routing headers", async () => {
    const { data, response } = await client()
      .responses.create({ model: "auto", instructions: "You are terse.", input: "Write a Python function that reverses a list." })
      .withResponse();
    expect(data.object).toBe("response");
    expect(data.status).toBe("completed");
    expect(data.output_text).toBeTruthy();
    expect(data.usage?.input_tokens).toBeGreaterThan(0);
    expect(data.usage?.output_tokens).toBeGreaterThan(0);
    expect(response.headers.get("x-switchyard-request-id")).toBe(data.id);
    expect(response.headers.get("x-switchyard-model")).toBe(data.model);
    expect(response.headers.get("x-switchyard-category")).toBe("coding");
  });

  it("streams text that the SDK's stream helper assembles", async () => {
    const stream = client().responses.stream({ model: "auto", input: "Say something short." });
    let deltas = "";
    stream.on("response.output_text.delta", (event) => (deltas += event.delta));
    const final = await stream.finalResponse();
    expect(final.output_text).toBe(deltas);
    expect(deltas).not.toBe("");
    expect(final.usage?.output_tokens).toBeGreaterThan(0);
  });

  it("makes a forced function call, streamed or not, then answers its output", async () => {
    const forced = await client().responses.create({ model: "auto", input: "What's it like outside in Oslo?", tools: [weatherTool], tool_choice: { type: "function", name: "get_weather" } });
    const call = forced.output.find((item) => item.type === "function_call");
    if (call?.type !== "function_call") throw new Error("expected a function call");
    expect(call.name).toBe("get_weather");
    const args = JSON.parse(call.arguments) as Record<string, unknown>;
    expect(typeof args.city).toBe("string");
    expect(["celsius", "fahrenheit"]).toContain(args.unit);

    const streamed = await client().responses.stream({ model: "auto", input: "Use the tool for Lima.", tools: [weatherTool], tool_choice: "required" }).finalResponse();
    expect(streamed.output.some((item) => item.type === "function_call" && item.name === "get_weather")).toBe(true);

    const followUp = await client().responses.create({
      model: "auto",
      input: [
        { role: "user", content: "What's it like outside in Oslo?" },
        { type: "function_call", call_id: call.call_id, name: call.name, arguments: call.arguments },
        { type: "function_call_output", call_id: call.call_id, output: '{"temp":-3,"sky":"snow"}' },
      ],
      tools: [weatherTool],
    });
    expect(followUp.output_text).toBeTruthy();
  });

  it("refuses previous_response_id and non-function tools as BadRequestError", async () => {
    const chained = await client().responses.create({ model: "auto", input: "Go on.", previous_response_id: "resp_123" }).catch((e: unknown) => e);
    expect(chained).toBeInstanceOf(OpenAI.BadRequestError);
    expect((chained as Error).message).toContain("previous_response_id is not supported");
    const webSearch = await client().responses.create({ model: "auto", input: "News?", tools: [{ type: "web_search_preview" }] }).catch((e: unknown) => e);
    expect(webSearch).toBeInstanceOf(OpenAI.BadRequestError);
  });

  it("explains the routing of a Responses body without calling a model", async () => {
    const preview = await fetch(`${fx.gateway.baseUrl}/route`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}` },
      body: JSON.stringify({ model: "auto", input: [{ role: "user", content: [{ type: "input_text", text: "Solve for x: 3x + 7 = 22" }] }] }),
    });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ policy: "default", category: "math", model: expect.any(String) });
  });

  it("logs each request once, as the Responses endpoint", async () => {
    // 1 + 1 + 3 answered above, and the two refusals.
    const logs = await waitForRequestLogs(fx, 7);
    expect(logs).toHaveLength(7);
    expect(logs.every((log) => log.endpoint === "openai-responses")).toBe(true);
    expect(logs.filter((log) => log.status === 400)).toHaveLength(2);
  });
});
