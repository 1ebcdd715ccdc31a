import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { collect } from "@/server/testing/collect";
import { startFakeAnthropic } from "@/server/testing/fake-upstreams";
import { callProvider } from "../call-provider";
import { imageRequest, simpleRequest, targetFor, toolConversation, weatherTool } from "../test-requests";
import { createStreamState, type ChatRequest } from "../types";
import { UpstreamError } from "../upstream-error";
import { anthropicAdapter } from ".";

const startUpstream = closeAfterEachTest(startFakeAnthropic);

describe("Anthropic adapter", () => {
  it("sends a Messages request with x-api-key, version header and top-level system", async () => {
    const upstream = await startUpstream({ apiKey: "sk-test" });
    await callProvider(anthropicAdapter, simpleRequest, targetFor(upstream.url, false, "claude-sonnet-4-5"));
    const [sent] = upstream.requests;
    expect(sent?.path).toBe("/v1/messages");
    expect(sent?.headers["x-api-key"]).toBe("sk-test");
    expect(sent?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(sent?.headers.authorization).toBeUndefined();
    expect(sent?.body).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 64,
      system: "You are terse.",
      messages: [{ role: "user", content: [{ type: "text", text: "Say hello." }] }],
      temperature: 0.2,
      top_p: 0.9,
      stop_sequences: ["END"],
      metadata: { user_id: "user-42" },
    });
  });

  it("defaults max_tokens, and encodes tool_use, tool_result, tool choice and images", () => {
    const body = JSON.parse(anthropicAdapter.buildRequest({ ...toolConversation, toolChoice: "required" }, targetFor("http://x", false)).init.body);
    expect(body.max_tokens).toBe(4096);
    expect(body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Weather in Paris?" }] },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking." },
          { type: "tool_use", id: "call_1", name: "get_weather", input: { city: "Paris", unit: "celsius" } },
        ],
      },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "call_1", content: '{"temp":21}' }] },
    ]);
    expect(body.tools).toEqual([{ name: "get_weather", description: weatherTool.description, input_schema: weatherTool.parameters }]);
    expect(body.tool_choice).toEqual({ type: "any" });

    const images = JSON.parse(anthropicAdapter.buildRequest(imageRequest, targetFor("http://x", false)).init.body);
    expect(images.messages[0].content.slice(1)).toEqual([
      { type: "image", source: { type: "url", url: "https://example.com/cat.png" } },
      { type: "image", source: { type: "base64", media_type: "image/jpeg", data: "AAAA" } },
    ]);
  });

  it("sends cache breakpoints as cache_control on the system prompt, tools, text and tool results", () => {
    const [question, call, result] = toolConversation.messages;
    const marked: ChatRequest = {
      ...toolConversation,
      system: "Long instructions.",
      systemCacheControl: { ttl: "1h" },
      tools: [{ ...weatherTool, cacheControl: {} }],
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Paris?", cacheControl: {} }] },
        call!,
        { role: "tool", content: [{ type: "tool_result", toolCallId: "call_1", content: '{"temp":21}', cacheControl: { ttl: "5m" } }] },
      ],
    };
    const body = JSON.parse(anthropicAdapter.buildRequest(marked, targetFor("http://x", false)).init.body);
    expect(body.system).toEqual([{ type: "text", text: "Long instructions.", cache_control: { type: "ephemeral", ttl: "1h" } }]);
    expect(body.tools[0].cache_control).toEqual({ type: "ephemeral" });
    expect(body.messages[0].content[0]).toEqual({ type: "text", text: "Weather in Paris?", cache_control: { type: "ephemeral" } });
    expect(body.messages[2].content[0]).toEqual({ type: "tool_result", tool_use_id: "call_1", content: '{"temp":21}', cache_control: { type: "ephemeral", ttl: "5m" } });
    // Without breakpoints nothing changes: the system prompt stays a string.
    const plain = JSON.parse(anthropicAdapter.buildRequest({ ...toolConversation, system: "Long instructions.", messages: [question!, call!, result!] }, targetFor("http://x", false)).init.body);
    expect(plain.system).toBe("Long instructions.");
    expect(JSON.stringify(plain)).not.toContain("cache_control");
  });

  it("merges a tool result and a following user text into one user turn", () => {
    const req = {
      ...toolConversation,
      messages: [...toolConversation.messages, { role: "user" as const, content: [{ type: "text" as const, text: "Thanks" }] }],
    };
    const body = JSON.parse(anthropicAdapter.buildRequest(req, targetFor("http://x", false)).init.body);
    expect(body.messages).toHaveLength(3);
    expect(body.messages[2].content.map((b: { type: string }) => b.type)).toEqual(["tool_result", "text"]);
  });

  it("parses a JSON response with text and a tool call", async () => {
    const upstream = await startUpstream({
      reply: { text: "Let me check.", toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: { city: "Oslo" } }], finishReason: "tool_calls", usage: { input: 40, output: 12 } },
    });
    const response = await callProvider(anthropicAdapter, toolConversation, targetFor(upstream.url, false, "claude-haiku-4-5"));
    expect(response).toEqual({
      id: "msg_fake",
      model: "claude-haiku-4-5",
      content: "Let me check.",
      toolCalls: [{ id: "toolu_1", name: "get_weather", arguments: '{"city":"Oslo"}' }],
      finishReason: "tool_calls",
      usage: { inputTokens: 40, outputTokens: 12 },
    });
  });

  it("streams text and tool calls, and combines input and output usage", async () => {
    const upstream = await startUpstream({
      reply: { text: "On it.", toolCalls: [{ id: "toolu_2", name: "get_weather", arguments: { city: "Rome", unit: "celsius" } }], finishReason: "tool_calls", usage: { input: 50, output: 20 } },
    });
    const events = await collect(await callProvider(anthropicAdapter, { ...toolConversation, stream: true }, targetFor(upstream.url, true, "claude-haiku-4-5")));
    expect(upstream.requests[0]?.body.stream).toBe(true);
    expect(events[0]).toEqual({ type: "start", id: "msg_fake", model: "claude-haiku-4-5" });
    expect(events.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("")).toBe("On it.");
    // The text block is content block 0, yet the first tool call is canonical index 0.
    expect(events).toContainEqual({ type: "tool_call_start", index: 0, id: "toolu_2", name: "get_weather" });
    const args = events.flatMap((e) => (e.type === "tool_call_delta" ? [e.argumentsDelta] : [])).join("");
    expect(JSON.parse(args)).toEqual({ city: "Rome", unit: "celsius" });
    expect(events.slice(-2)).toEqual([
      { type: "finish", finishReason: "tool_calls" },
      { type: "usage", usage: { inputTokens: 50, outputTokens: 20 } },
    ]);
  });

  it("counts cache reads and writes as input, each also on its own", () => {
    const response = anthropicAdapter.parseResponse({
      id: "m",
      model: "c",
      content: [],
      stop_reason: "max_tokens",
      usage: { input_tokens: 10, output_tokens: 3, cache_read_input_tokens: 100, cache_creation_input_tokens: 5 },
    });
    expect(response.usage).toEqual({ inputTokens: 115, outputTokens: 3, cachedInputTokens: 100, cacheWriteTokens: 5 });
    expect(response.finishReason).toBe("length");
  });

  it("throws the error event of a stream as an UpstreamError", () => {
    const event = { event: "error", data: '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}' };
    expect(() => anthropicAdapter.mapStreamEvent(event, createStreamState())).toThrow(
      expect.objectContaining({ kind: "server", status: 529, message: "anthropic: HTTP 529 (overloaded_error)", detail: "Overloaded", retryable: true }),
    );
  });

  it.each([
    [401, "auth"],
    [413, "bad_request"],
    [429, "rate_limited"],
    [529, "server"],
  ] as const)("maps HTTP %i to %s, the error body's message kept as detail", async (status, kind) => {
    const upstream = await startUpstream({ fault: { type: "status", status, message: "from anthropic" } });
    const error = await callProvider(anthropicAdapter, simpleRequest, targetFor(upstream.url, false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ status, kind, detail: "from anthropic", provider: "anthropic" });
    expect((error as Error).message).not.toContain("from anthropic");
  });

  it("treats a stream cut before message_delta as broken", async () => {
    const upstream = await startUpstream({ fault: { type: "cut", afterEvents: 4 } });
    const events = await callProvider(anthropicAdapter, { ...simpleRequest, stream: true }, targetFor(upstream.url, true));
    await expect(collect(events)).rejects.toMatchObject({ kind: "stream_broken", provider: "anthropic" });
  });
});
