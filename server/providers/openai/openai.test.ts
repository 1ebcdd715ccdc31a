import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { collect } from "@/server/testing/collect";
import { startFakeOpenAI } from "@/server/testing/fake-upstreams";
import { callProvider } from "../call-provider";
import { imageRequest, simpleRequest, targetFor, toolConversation, weatherTool } from "../test-requests";
import { createStreamState } from "../types";
import { UpstreamError } from "../upstream-error";
import { openaiAdapter } from ".";
import { openaiCompatibleAdapter } from "../openai-compatible";

const startUpstream = closeAfterEachTest(startFakeOpenAI);

describe("OpenAI adapter", () => {
  it("sends the Chat Completions request with bearer auth", async () => {
    const upstream = await startUpstream({ apiKey: "sk-test" });
    await callProvider(openaiAdapter, simpleRequest, targetFor(`${upstream.url}/v1/`, false, "gpt-4.1-mini"));
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer sk-test");
    expect(sent?.body).toEqual({
      model: "gpt-4.1-mini",
      messages: [
        { role: "system", content: "You are terse." },
        { role: "user", content: "Say hello." },
      ],
      max_completion_tokens: 64,
      temperature: 0.2,
      top_p: 0.9,
      stop: ["END"],
      user: "user-42",
    });
  });

  it("encodes tool calls, tool results, tool choice and images", () => {
    const tools = JSON.parse(openaiAdapter.buildRequest({ ...toolConversation, toolChoice: { name: "get_weather" } }, targetFor("http://x", false)).init.body);
    expect(tools.messages).toEqual([
      { role: "user", content: "Weather in Paris?" },
      {
        role: "assistant",
        content: "Checking.",
        tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris","unit":"celsius"}' } }],
      },
      { role: "tool", tool_call_id: "call_1", content: '{"temp":21}' },
    ]);
    expect(tools.tools).toEqual([{ type: "function", function: { name: "get_weather", description: weatherTool.description, parameters: weatherTool.parameters } }]);
    expect(tools.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });

    const images = JSON.parse(openaiAdapter.buildRequest(imageRequest, targetFor("http://x", false)).init.body);
    expect(images.messages[0].content).toEqual([
      { type: "text", text: "What is in these images?" },
      { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
      { type: "image_url", image_url: { url: "data:image/jpeg;base64,AAAA" } },
    ]);
  });

  it("sends max_tokens instead to OpenAI-compatible servers", () => {
    const body = JSON.parse(openaiCompatibleAdapter.buildRequest(simpleRequest, targetFor("http://localhost:11434/v1", false)).init.body);
    expect(body.max_tokens).toBe(64);
    expect(body.max_completion_tokens).toBeUndefined();
  });

  it("maps json_schema response formats", () => {
    const req = { ...simpleRequest, responseFormat: { type: "json_schema" as const, name: "out", schema: { type: "object" }, strict: true } };
    const body = JSON.parse(openaiAdapter.buildRequest(req, targetFor("http://x", false)).init.body);
    expect(body.response_format).toEqual({ type: "json_schema", json_schema: { name: "out", schema: { type: "object" }, strict: true } });
  });

  it("parses a JSON response with tool calls", async () => {
    const upstream = await startUpstream({
      reply: { text: "", toolCalls: [{ id: "call_9", name: "get_weather", arguments: { city: "Oslo" } }], finishReason: "tool_calls", usage: { input: 30, output: 9 } },
    });
    const response = await callProvider(openaiAdapter, toolConversation, targetFor(upstream.url, false, "gpt-4.1"));
    expect(response).toEqual({
      id: "chatcmpl-fake",
      model: "gpt-4.1",
      content: "",
      toolCalls: [{ id: "call_9", name: "get_weather", arguments: '{"city":"Oslo"}' }],
      finishReason: "tool_calls",
      usage: { inputTokens: 30, outputTokens: 9 },
    });
  });

  it("asks for usage in streams and yields text, finish and usage", async () => {
    const upstream = await startUpstream({ reply: { text: "Hello there, friend.", usage: { input: 11, output: 5 } } });
    const events = await collect(await callProvider(openaiAdapter, { ...simpleRequest, stream: true }, targetFor(upstream.url, true, "gpt-4.1")));
    expect(upstream.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(upstream.requests[0]?.headers.accept).toBe("text/event-stream");
    expect(events[0]).toEqual({ type: "start", id: "chatcmpl-fake", model: "gpt-4.1" });
    const text = events.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("");
    expect(text).toBe("Hello there, friend.");
    expect(events.slice(-2)).toEqual([
      { type: "finish", finishReason: "stop" },
      { type: "usage", usage: { inputTokens: 11, outputTokens: 5 } },
    ]);
  });

  it("streams tool call deltas under stable indexes", async () => {
    const upstream = await startUpstream({
      reply: {
        text: "",
        toolCalls: [
          { id: "call_a", name: "get_weather", arguments: { city: "Rome", unit: "celsius" } },
          { id: "call_b", name: "get_weather", arguments: { city: "Oslo", unit: "celsius" } },
        ],
        finishReason: "tool_calls",
      },
    });
    const events = await collect(await callProvider(openaiAdapter, { ...toolConversation, stream: true }, targetFor(upstream.url, true)));
    const starts = events.filter((e) => e.type === "tool_call_start");
    expect(starts).toEqual([
      { type: "tool_call_start", index: 0, id: "call_a", name: "get_weather" },
      { type: "tool_call_start", index: 1, id: "call_b", name: "get_weather" },
    ]);
    const args = (index: number) => events.flatMap((e) => (e.type === "tool_call_delta" && e.index === index ? [e.argumentsDelta] : [])).join("");
    expect(JSON.parse(args(0))).toEqual({ city: "Rome", unit: "celsius" });
    expect(JSON.parse(args(1))).toEqual({ city: "Oslo", unit: "celsius" });
    expect(events).toContainEqual({ type: "finish", finishReason: "tool_calls" });
    expect(events.some((e) => e.type === "usage")).toBe(true);
  });

  it.each([
    [400, "bad_request", false],
    [401, "auth", false],
    [404, "not_found", false],
    [429, "rate_limited", true],
    [500, "server", true],
    [503, "server", true],
  ] as const)("maps HTTP %i to %s", async (status, kind, retryable) => {
    const upstream = await startUpstream({ fault: { type: "status", status, retryAfter: "2", message: "nope" } });
    const error = await callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status, kind, retryable, detail: "nope", provider: "openai", retryAfterMs: 2000 });
    expect((error as Error).message).toMatch(new RegExp(`^openai: HTTP ${status} \\(\\w+\\)$`));
  });

  it("fails an answer whose text fields are not text as an upstream error, not as a value that breaks the gateway later", () => {
    const answer = (message: object, extra: object = {}) => ({ id: "r", model: "m", choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: "stop" }], ...extra });
    for (const body of [
      answer({ content: 5 }),
      answer({ content: { text: "hi" } }),
      answer({ content: ["x"] }),
      answer({ content: null, refusal: 1 }),
      answer({ content: null, tool_calls: { id: "c" } }),
      answer({ content: null, tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: { a: 1 } } }] }),
      answer({ content: "hi" }, { model: 7 }),
    ]) {
      const error = (() => {
        try {
          openaiAdapter.parseResponse(body);
        } catch (e) {
          return e;
        }
      })();
      expect(error, JSON.stringify(body)).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).kind).toBe("unknown");
    }
    expect(openaiAdapter.parseResponse(answer({ content: "hi", tool_calls: [{ id: "c", type: "function", function: { name: "f", arguments: "{}" } }] })).toolCalls).toEqual([{ id: "c", name: "f", arguments: "{}" }]);
  });

  it("marks a refusal and keeps its text, whole or streamed", () => {
    const parsed = openaiAdapter.parseResponse({
      id: "r", model: "gpt-4.1", choices: [{ index: 0, message: { role: "assistant", content: null, refusal: "I can't help with that." }, finish_reason: "stop" }],
    });
    expect(parsed).toMatchObject({ content: "I can't help with that.", refusal: true, finishReason: "stop" });
    expect(openaiAdapter.parseResponse({ id: "r", model: "m", choices: [{ index: 0, message: { role: "assistant", content: "Hi" }, finish_reason: "stop" }] }).refusal).toBeUndefined();
    const state = createStreamState();
    const events = openaiAdapter.mapStreamEvent({ data: JSON.stringify({ id: "r", model: "m", choices: [{ index: 0, delta: { refusal: "I can't" } }] }) }, state);
    expect(events).toContainEqual({ type: "text", text: "I can't" });
  });

  it("raises an error event inside the stream", () => {
    const state = createStreamState();
    expect(() => openaiAdapter.mapStreamEvent({ data: '{"error":{"message":"boom","type":"server_error"}}' }, state)).toThrow(
      expect.objectContaining({ kind: "server", message: "openai: error (server_error)", detail: "boom" }),
    );
  });
});
