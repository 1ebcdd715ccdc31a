// LangChain's ChatOpenAI, unchanged, against the gateway process in demo mode: invoke, stream,
// tools bound with bindTools (and the tool result sent back), and withStructuredOutput over
// both JSON schema and function calling, on Chat Completions and on Responses.
import { AIMessage, HumanMessage, ToolMessage } from "@langchain/core/messages";
import { tool } from "@langchain/core/tools";
import { ChatOpenAI } from "@langchain/openai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setupGateway } from "../testing/setup-gateway";

const fx = setupGateway();

const chat = (options: { useResponsesApi?: boolean } = {}) =>
  new ChatOpenAI({ model: "auto", apiKey: fx.tenant.apiKey, maxRetries: 0, configuration: { baseURL: fx.gateway.baseUrl }, ...options });

const getWeather = tool(async ({ city, unit }) => JSON.stringify({ city, unit, temperature: 21 }), {
  name: "get_weather",
  description: "Current weather for a city",
  schema: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]) }),
});

const Trip = z.object({
  destination: z.string(),
  days: z.number().int(),
  budget: z.object({ currency: z.enum(["EUR", "USD"]), amount: z.number() }),
  stops: z.array(z.string()),
  refundable: z.boolean(),
});

describe("gateway with LangChain's ChatOpenAI", () => {
  it("invokes with a system prompt and reports token usage", async () => {
    const answer = await chat().invoke([
      ["system", "You are terse."],
      ["human", "Name a colour."],
    ]);
    expect(typeof answer.content === "string" && answer.content).toBeTruthy();
    expect(answer.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(answer.usage_metadata?.output_tokens).toBeGreaterThan(0);
  });

  it("streams in several chunks that concatenate to the answer", async () => {
    const chunks = [];
    for await (const chunk of await chat().stream("Explain how a rainbow forms.")) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    const whole = chunks.reduce((acc, chunk) => acc.concat(chunk));
    expect(typeof whole.content === "string" && whole.content.length).toBeGreaterThan(20);
  });

  it("calls a bound tool with arguments that fit its schema, then answers from the tool result", async () => {
    const question = new HumanMessage("How warm is it in Oslo?");
    const call = await chat().bindTools([getWeather], { tool_choice: "get_weather" }).invoke([question]);
    const toolCall = call.tool_calls?.[0];
    expect(toolCall?.name).toBe("get_weather");
    const args = getWeather.schema.parse(toolCall?.args);
    const result = new ToolMessage({ tool_call_id: toolCall!.id!, content: await getWeather.invoke(args) });
    const answer = await chat().bindTools([getWeather]).invoke([question, new AIMessage({ content: "", tool_calls: call.tool_calls }), result]);
    expect(answer.tool_calls ?? []).toEqual([]);
    expect(answer.content).toBeTruthy();
  });

  it("streams a bound tool call", async () => {
    const chunks = [];
    for await (const chunk of await chat().bindTools([getWeather], { tool_choice: "get_weather" }).stream("Weather in Lima?")) chunks.push(chunk);
    const whole = chunks.reduce((acc, chunk) => acc.concat(chunk));
    expect(getWeather.schema.safeParse(whole.tool_calls?.[0]?.args).success).toBe(true);
  });

  it.each(["jsonSchema", "functionCalling"] as const)("returns an object valid against a zod schema with withStructuredOutput (%s)", async (method) => {
    const trip = await chat().withStructuredOutput(Trip, { name: "trip", method }).invoke(`Plan a trip to Kyoto (${method}).`);
    expect(Trip.parse(trip).budget.currency).toBe("EUR");
  });

  it("returns a structured object over the Responses API too", async () => {
    const trip = await chat({ useResponsesApi: true }).withStructuredOutput(Trip, { name: "trip", method: "jsonSchema" }).invoke("Plan a trip to Nara.");
    expect(Trip.safeParse(trip).success).toBe(true);
  });
});
