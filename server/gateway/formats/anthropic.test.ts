import Anthropic from "@anthropic-ai/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { anthropicAdapter } from "@/server/providers/anthropic";
import { parseSSE } from "@/server/testing/parse-sse";
import { imageRequest, toolConversation } from "@/server/providers/test-requests";
import { createStreamState, type ChatRequest, type StreamEvent } from "@/server/providers/types";
import { startScriptedServer, type FakeUpstream, type ScriptedResponse } from "@/server/testing/fake-upstreams";
import { anthropicMessagesRequestSchema, buildAnthropicErrorBody, createAnthropicStreamEncoder, fromCanonical, toCanonical } from "./anthropic";
import { encodeEventStream } from "./encode-event-stream";
import { toReadableStream } from "../../testing/readable-event-stream";
import { eventsOf, meta, textEvents, toCallerError, toolEvents, toolResponse } from "./test-streams";

let server: FakeUpstream | undefined;
afterEach(async () => server?.close());

async function clientFor(respond: () => ScriptedResponse) {
  server = await startScriptedServer(respond);
  return new Anthropic({ baseURL: server.url, apiKey: "sy-test", maxRetries: 0 });
}

async function decode(stream: ReadableStream<Uint8Array>): Promise<StreamEvent[]> {
  const state = createStreamState();
  const events: StreamEvent[] = [];
  const reader = stream.getReader();
  async function* chunks() {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  }
  for await (const sse of parseSSE(chunks())) events.push(...anthropicAdapter.mapStreamEvent(sse, state));
  return events;
}

const params = { model: "auto", max_tokens: 256, messages: [{ role: "user" as const, content: "hi" }] };

describe("Anthropic caller format", () => {
  it("converts a request with system blocks, tool results and new input to canonical", () => {
    const body = anthropicMessagesRequestSchema.parse({
      model: "auto",
      max_tokens: 300,
      system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
      messages: [
        { role: "user", content: "Weather?" },
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: "hmm", signature: "sig" },
            { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
          ],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "21C" }], is_error: false },
            { type: "text", text: "And tomorrow?" },
          ],
        },
      ],
      tool_choice: { type: "any" },
      tools: [{ name: "get_weather", input_schema: { type: "object" } }],
      metadata: { user_id: "u-1" },
      top_k: 5,
    });
    const { request, view } = toCanonical(body);
    expect(request).toEqual({
      system: "Be brief.",
      systemCacheControl: {},
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather?" }] },
        { role: "assistant", content: [{ type: "tool_call", id: "toolu_1", name: "get_weather", arguments: '{"city":"Paris"}' }] },
        { role: "tool", content: [{ type: "tool_result", toolCallId: "toolu_1", content: "21C" }] },
        { role: "user", content: [{ type: "text", text: "And tomorrow?" }] },
      ],
      tools: [{ name: "get_weather", parameters: { type: "object" } }],
      toolChoice: "required",
      maxTokens: 300,
      user: "u-1",
      stream: false,
    });
    expect(view.messages.map((m) => m.content)).toEqual(["Weather?", "", "21C", "And tomorrow?"]);
  });

  it.each([
    { ...toolConversation, maxTokens: 4096 },
    { ...imageRequest, maxTokens: 4096 },
    { ...toolConversation, toolChoice: { name: "get_weather" }, maxTokens: 10, stop: ["x"], temperature: 0.5, user: "u" },
    { ...toolConversation, maxTokens: 4096, system: "Rules.", systemCacheControl: { ttl: "1h" as const }, tools: toolConversation.tools?.map((t) => ({ ...t, cacheControl: {} })) },
  ])("round-trips canonical -> Anthropic wire (adapter) -> canonical (format)", (original: ChatRequest) => {
    const wire = JSON.parse(anthropicAdapter.buildRequest(original, { providerModelId: "m", baseUrl: "http://x", apiKey: "k", stream: false }).init.body);
    expect(toCanonical(anthropicMessagesRequestSchema.parse(wire)).request).toEqual(original);
  });

  it("round-trips responses and streams through the adapter", async () => {
    expect(anthropicAdapter.parseResponse(fromCanonical(toolResponse, meta))).toEqual({ ...toolResponse, id: meta.id, model: meta.model });
    const bytes = toReadableStream(encodeEventStream(eventsOf(toolEvents), createAnthropicStreamEncoder(meta), toCallerError));
    expect(await decode(bytes)).toEqual([{ type: "start", id: meta.id, model: meta.model }, ...toolEvents.slice(1)]);
  });

  it("keeps the caller's cache_control breakpoints for an Anthropic upstream", () => {
    const { request } = toCanonical(
      anthropicMessagesRequestSchema.parse({
        model: "auto",
        max_tokens: 100,
        system: [{ type: "text", text: "Rules." }, { type: "text", text: "Long document.", cache_control: { type: "ephemeral", ttl: "1h" } }],
        tools: [{ name: "search", input_schema: { type: "object" }, cache_control: { type: "ephemeral" } }],
        messages: [
          { role: "user", content: [{ type: "text", text: "Question", cache_control: { type: "ephemeral" } }] },
          { role: "assistant", content: [{ type: "tool_use", id: "t1", name: "search", input: {} }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "found", cache_control: { type: "ephemeral", ttl: "5m" } }] },
        ],
      }),
    );
    expect(request.systemCacheControl).toEqual({ ttl: "1h" });
    expect(request.tools?.[0]?.cacheControl).toEqual({});
    expect(request.messages[0]?.content[0]).toEqual({ type: "text", text: "Question", cacheControl: {} });
    expect(request.messages[2]?.content[0]).toMatchObject({ type: "tool_result", cacheControl: { ttl: "5m" } });
    expect(toCanonical(anthropicMessagesRequestSchema.parse({ model: "auto", max_tokens: 1, system: "Rules.", messages: [{ role: "user", content: "x" }] })).request).not.toHaveProperty("systemCacheControl");
  });

  it("requires max_tokens", () => {
    expect(anthropicMessagesRequestSchema.safeParse({ model: "auto", messages: [{ role: "user", content: "x" }] }).success).toBe(false);
  });

  it("is parsed by the Anthropic SDK without streaming", async () => {
    const client = await clientFor(() => ({ json: fromCanonical(toolResponse, meta) }));
    const message = await client.messages.create(params);
    expect(message.content).toEqual([
      { type: "text", text: "Let me look." },
      { type: "tool_use", id: "call_a", name: "get_weather", input: { city: "Paris" } },
    ]);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage).toMatchObject({ input_tokens: 20, output_tokens: 18, cache_read_input_tokens: 10 });
  });

  it("streams text and tool calls that stream.finalMessage() assembles", async () => {
    const client = await clientFor(() => ({ stream: toReadableStream(encodeEventStream(eventsOf(toolEvents), createAnthropicStreamEncoder(meta), toCallerError)) }));
    const stream = client.messages.stream(params);
    const texts: string[] = [];
    stream.on("text", (text) => texts.push(text));
    const message = await stream.finalMessage();
    expect(texts.join("")).toBe("Let me look.");
    expect(message.content).toEqual([
      { type: "text", text: "Let me look." },
      { type: "tool_use", id: "call_a", name: "get_weather", input: { city: "Paris" } },
      { type: "tool_use", id: "call_b", name: "get_time", input: { tz: "CET" } },
    ]);
    expect(message.stop_reason).toBe("tool_use");
    expect(message.usage).toMatchObject({ input_tokens: 20, output_tokens: 18, cache_read_input_tokens: 10 });
  });

  it("streams plain text with end_turn", async () => {
    const client = await clientFor(() => ({ stream: toReadableStream(encodeEventStream(eventsOf(textEvents), createAnthropicStreamEncoder(meta), toCallerError)) }));
    const message = await client.messages.stream(params).finalMessage();
    expect(message.content).toEqual([{ type: "text", text: "Hello, world." }]);
    expect(message).toMatchObject({ id: meta.id, model: "auto", stop_reason: "end_turn", usage: { input_tokens: 12, output_tokens: 4 } });
  });

  it("makes the SDK throw on an error event mid-stream", async () => {
    const client = await clientFor(() => ({ stream: toReadableStream(encodeEventStream(eventsOf(textEvents, 2), createAnthropicStreamEncoder(meta), toCallerError)) }));
    const error = await client.messages.stream(params).finalMessage().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as Error).message).toContain("upstream fell over");
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: "error", error: { type: "overloaded_error" } });
  });

  it.each([
    [400, Anthropic.BadRequestError, "invalid_request_error"],
    [401, Anthropic.AuthenticationError, "authentication_error"],
    [403, Anthropic.PermissionDeniedError, "permission_error"],
    [404, Anthropic.NotFoundError, "not_found_error"],
    [413, Anthropic.APIError, "request_too_large"],
    [429, Anthropic.RateLimitError, "rate_limit_error"],
    [500, Anthropic.InternalServerError, "api_error"],
    [503, Anthropic.InternalServerError, "overloaded_error"],
  ])("error body for %i becomes the SDK's typed error", async (status, ErrorClass, type) => {
    const client = await clientFor(() => ({ status, json: buildAnthropicErrorBody(status, `failed with ${status}`) }));
    const error = await client.messages.create(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, error: { type: "error", error: { type, message: `failed with ${status}` } } });
  });
});
