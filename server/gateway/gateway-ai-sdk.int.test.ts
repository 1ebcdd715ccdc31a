// The Vercel AI SDK, unchanged, against the gateway process in demo mode: OpenAI's provider over
// Chat Completions and over Responses, and Anthropic's over Messages. Text, streams, tool calls
// (with a tool result turn) and objects validated against a zod schema.
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { generateObject, generateText, stepCountIs, streamObject, streamText, tool, type LanguageModel } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { setupGateway } from "../testing/setup-gateway";

const fx = setupGateway();

const openai = () => createOpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey });
const anthropic = () => createAnthropic({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey });

const models: Array<[string, () => LanguageModel]> = [
  ["OpenAI chat completions", () => openai().chat("auto")],
  ["OpenAI responses", () => openai().responses("auto")],
  ["Anthropic messages", () => anthropic()("auto")],
];

const weather = tool({
  description: "Current weather for a city",
  inputSchema: z.object({ city: z.string(), unit: z.enum(["celsius", "fahrenheit"]) }),
  execute: async ({ city, unit }) => ({ city, unit, temperature: 21 }),
});

const Recipe = z.object({
  title: z.string(),
  servings: z.number().int(),
  vegetarian: z.boolean(),
  course: z.enum(["starter", "main", "dessert"]),
  ingredients: z.array(z.object({ name: z.string(), grams: z.number() })),
});

describe.each(models)("gateway with the Vercel AI SDK: %s", (name, model) => {
  // Prompts differ per provider, so that no answer comes from the response cache.
  const ask = (prompt: string) => `${prompt} (${name})`;
  it("generates text with usage", async () => {
    const result = await generateText({ model: model(), system: "You are terse.", prompt: ask("Name a colour.") });
    expect(result.text).not.toBe("");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it("streams text in several chunks, then usage", async () => {
    const result = streamText({ model: model(), prompt: ask("Explain how tides work.") });
    const chunks: string[] = [];
    for await (const chunk of result.textStream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(await result.text);
    expect(await result.finishReason).toBe("stop");
    expect((await result.usage).outputTokens).toBeGreaterThan(0);
  });

  it("calls a forced tool with arguments that fit its schema", async () => {
    const result = await generateText({ model: model(), prompt: ask("How warm is it in Oslo?"), tools: { get_weather: weather }, toolChoice: { type: "tool", toolName: "get_weather" } });
    expect(result.finishReason).toBe("tool-calls");
    expect(result.toolCalls[0]?.toolName).toBe("get_weather");
    expect(result.toolResults[0]?.output).toMatchObject({ temperature: 21 });
  });

  it("sends the tool result back and answers in a second step", async () => {
    const result = await generateText({ model: model(), prompt: ask("Use the get_weather tool for Paris."), tools: { get_weather: weather }, stopWhen: stepCountIs(3) });
    expect(result.steps.map((s) => s.finishReason)).toEqual(["tool-calls", "stop"]);
    expect(result.text).not.toBe("");
  });

  it("streams a tool call", async () => {
    const result = streamText({ model: model(), prompt: ask("Weather in Lima?"), tools: { get_weather: weather }, toolChoice: "required" });
    const calls = await result.toolCalls;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toMatchObject({ city: expect.any(String), unit: expect.stringMatching(/^(celsius|fahrenheit)$/) });
  });

  it("generates an object valid against a zod schema", async () => {
    const { object } = await generateObject({ model: model(), schema: Recipe, prompt: ask("A recipe for soup.") });
    expect(Recipe.parse(object).course).toBe("starter");
  });

  it("streams an object valid against a zod schema", async () => {
    const result = streamObject({ model: model(), schema: Recipe, prompt: ask("A recipe for bread.") });
    const partials: unknown[] = [];
    for await (const partial of result.partialObjectStream) partials.push(partial);
    expect(partials.length).toBeGreaterThan(1);
    expect(Recipe.safeParse(await result.object).success).toBe(true);
  });
});

describe("gateway with the Vercel AI SDK: Anthropic's native structured outputs", () => {
  it("generates an object through output_config.format", async () => {
    const { object } = await generateObject({
      model: anthropic()("auto"),
      schema: Recipe,
      prompt: "A recipe for salad.",
      providerOptions: { anthropic: { structuredOutputMode: "outputFormat" } },
    });
    expect(Recipe.safeParse(object).success).toBe(true);
  });
});
