import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { openaiAdapter } from "@/server/providers/openai";
import { parseSSE } from "@/server/testing/parse-sse";
import { createSSEDecoder } from "@/server/providers/sse";
import { imageRequest, toolConversation, weatherTool } from "@/server/providers/test-requests";
import { createStreamState, type ChatRequest, type StreamEvent } from "@/server/providers/types";
import { startScriptedServer, type FakeUpstream, type ScriptedResponse } from "@/server/testing/fake-upstreams";
import { describeValidationError } from "./describe-validation-error";
import { encodeEventStream } from "./encode-event-stream";
import { toReadableStream } from "../../testing/readable-event-stream";
import { buildOpenAIErrorBody, createOpenAIStreamEncoder, fromCanonical, openAIChatRequestSchema, toCanonical } from "./openai";
import { eventsOf, meta, textEvents, toCallerError, toolEvents, toolResponse } from "./test-streams";

let server: FakeUpstream | undefined;
afterEach(async () => server?.close());

async function clientFor(respond: () => ScriptedResponse) {
  server = await startScriptedServer(respond);
  return new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sy-test", maxRetries: 0 });
}

/** What our own OpenAI adapter reads back from the encoder's bytes. */
async function decode(stream: ReadableStream<Uint8Array>): Promise<StreamEvent[]> {
  const state = createStreamState();
  const events: StreamEvent[] = [];
  const reader = stream.getReader();
  async function* chunks() {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
  }
  for await (const sse of parseSSE(chunks())) events.push(...openaiAdapter.mapStreamEvent(sse, state));
  return events;
}

describe("OpenAI caller format", () => {
  it("converts a full request, with system and developer messages, to canonical", () => {
    const body = openAIChatRequestSchema.parse({
      model: "auto",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "developer", content: [{ type: "text", text: "Use metric." }] },
        { role: "user", content: [{ type: "text", text: "Look" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBO" } }] },
      ],
      max_completion_tokens: 100,
      max_tokens: 5,
      stop: "END",
      stream: true,
      stream_options: { include_usage: true },
      response_format: { type: "json_schema", json_schema: { name: "out", schema: { type: "object" }, strict: true } },
      frequency_penalty: 0.5,
      reasoning_effort: "low",
    });
    const { model, request, view } = toCanonical(body);
    expect(model).toBe("auto");
    expect(request).toEqual({
      system: "Be brief.\n\nUse metric.",
      messages: [
        { role: "user", content: [{ type: "text", text: "Look" }, { type: "image", source: { kind: "base64", mediaType: "image/png", data: "iVBO" } }] },
      ],
      maxTokens: 100,
      stop: ["END"],
      stream: true,
      responseFormat: { type: "json_schema", name: "out", schema: { type: "object" }, strict: true },
      reasoningEffort: "low",
    });
    // The response schema's tokens count in the estimate; the classifier never reads it.
    expect(view).toEqual({ system: "Be brief.\n\nUse metric.", messages: [{ role: "user", content: "Look" }], toolingTokens: 5 });
  });

  it.each([toolConversation, imageRequest, { ...toolConversation, toolChoice: { name: "get_weather" } }, { ...toolConversation, reasoningEffort: "high" as const }])(
    "round-trips canonical -> OpenAI wire (adapter) -> canonical (format)",
    (original: ChatRequest) => {
      const wire = JSON.parse(openaiAdapter.buildRequest(original, { providerModelId: "m", baseUrl: "http://x", apiKey: "k", stream: false }).init.body);
      expect(toCanonical(openAIChatRequestSchema.parse(wire)).request).toEqual(original);
    },
  );

  it("round-trips responses and streams through the adapter", async () => {
    const parsed = openaiAdapter.parseResponse(fromCanonical(toolResponse, meta));
    expect(parsed).toEqual({ ...toolResponse, id: meta.id, model: meta.model });
    const bytes = toReadableStream(encodeEventStream(eventsOf(toolEvents), createOpenAIStreamEncoder({ ...meta, includeUsage: true }), toCallerError));
    expect(await decode(bytes)).toEqual([{ type: "start", id: meta.id, model: meta.model }, ...toolEvents.slice(1)]);
  });

  it("keeps cache_control on text parts (as OpenRouter accepts it) for an Anthropic upstream", () => {
    const { request } = toCanonical(
      openAIChatRequestSchema.parse({
        model: "auto",
        messages: [
          { role: "system", content: [{ type: "text", text: "Long instructions.", cache_control: { type: "ephemeral" } }] },
          { role: "user", content: [{ type: "text", text: "Question", cache_control: { type: "ephemeral", ttl: "1h" } }] },
        ],
      }),
    );
    expect(request.systemCacheControl).toEqual({});
    expect(request.messages[0]?.content[0]).toEqual({ type: "text", text: "Question", cacheControl: { ttl: "1h" } });
  });

  it("rejects invalid bodies with a message naming the field", () => {
    const result = openAIChatRequestSchema.safeParse({ model: "auto", messages: [{ role: "user", content: 5 }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeValidationError(result.error).param).toBe("messages.0.content");
    expect(openAIChatRequestSchema.safeParse({ model: "auto", messages: [{ role: "user", content: "x" }], n: 2 }).success).toBe(false);
    expect(openAIChatRequestSchema.safeParse({ messages: [{ role: "user", content: "x" }] }).success).toBe(false);
  });

  it("is parsed by the OpenAI SDK without streaming, tool calls included", async () => {
    const client = await clientFor(() => ({ json: fromCanonical(toolResponse, meta) }));
    const completion = await client.chat.completions.create({
      model: "auto",
      messages: [{ role: "user", content: "Weather in Paris?" }],
      tools: [{ type: "function", function: { name: weatherTool.name, parameters: weatherTool.parameters } }],
    });
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({ id: "call_a", function: { name: "get_weather", arguments: '{"city":"Paris"}' } });
    expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    expect(completion.usage).toMatchObject({ prompt_tokens: 30, completion_tokens: 18, total_tokens: 48, prompt_tokens_details: { cached_tokens: 10 } });
  });

  it("writes every chunk as the whole chat.completion.chunk object, escaping the model name", () => {
    const encoder = createOpenAIStreamEncoder({ id: "req_1", model: 'odd "model"\\name', created: 1_700_000_000, includeUsage: true });
    const frames = [...textEvents.map((event) => encoder.event(event)), encoder.end()].filter(Boolean).join("");
    const chunk = (delta: object, finish_reason: string | null) => ({
      id: "req_1", object: "chat.completion.chunk", created: 1_700_000_000, model: 'odd "model"\\name',
      choices: [{ index: 0, delta, logprobs: null, finish_reason }], usage: null,
    });
    expect(createSSEDecoder().push(frames).map((e) => e.data)).toEqual([
      JSON.stringify(chunk({ role: "assistant", content: "" }, null)),
      JSON.stringify(chunk({ content: "Hello" }, null)),
      JSON.stringify(chunk({ content: ", world." }, null)),
      JSON.stringify(chunk({}, "stop")),
      JSON.stringify({ id: "req_1", object: "chat.completion.chunk", created: 1_700_000_000, model: 'odd "model"\\name', choices: [], usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 } }),
      "[DONE]",
    ]);
  });

  it("streams text to the OpenAI SDK with a final usage chunk", async () => {
    const client = await clientFor(() => ({ stream: toReadableStream(encodeEventStream(eventsOf(textEvents), createOpenAIStreamEncoder({ ...meta, includeUsage: true }), toCallerError)) }));
    const stream = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "hi" }], stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("Hello, world.");
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 });
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe("stop");
  });

  it("streams tool calls that the SDK's stream helper assembles", async () => {
    const client = await clientFor(() => ({ stream: toReadableStream(encodeEventStream(eventsOf(toolEvents), createOpenAIStreamEncoder(meta), toCallerError)) }));
    const stream = client.chat.completions.stream({ model: "auto", messages: [{ role: "user", content: "hi" }] });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe("Let me look.");
    expect(final.choices[0]?.message.tool_calls?.map((c) => c.type === "function" && [c.id, c.function.name, c.function.arguments])).toEqual([
      ["call_a", "get_weather", '{"city":"Paris"}'],
      ["call_b", "get_time", '{"tz":"CET"}'],
    ]);
    expect(final.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("makes the SDK throw on an error event mid-stream", async () => {
    const client = await clientFor(() => ({ stream: toReadableStream(encodeEventStream(eventsOf(textEvents, 2), createOpenAIStreamEncoder(meta), toCallerError)) }));
    const stream = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "hi" }], stream: true });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? "");
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain("upstream fell over");
    expect(seen.join("")).toBe("Hello");
  });

  it.each([
    [400, OpenAI.BadRequestError],
    [401, OpenAI.AuthenticationError],
    [403, OpenAI.PermissionDeniedError],
    [404, OpenAI.NotFoundError],
    [413, OpenAI.APIError],
    [429, OpenAI.RateLimitError],
    [500, OpenAI.InternalServerError],
    [503, OpenAI.InternalServerError],
  ])("error body for %i becomes the SDK's typed error", async (status, ErrorClass) => {
    const client = await clientFor(() => ({ status, json: buildOpenAIErrorBody(status, `failed with ${status}`) }));
    const error = await client.chat.completions.create({ model: "auto", messages: [{ role: "user", content: "hi" }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, message: expect.stringContaining(`failed with ${status}`) });
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ message: `failed with ${status}`, type: expect.any(String) });
  });
});
