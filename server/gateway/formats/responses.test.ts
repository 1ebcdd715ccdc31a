import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedServer, type FakeUpstream, type ScriptedResponse } from "@/server/testing/fake-upstreams";
import { describeValidationError } from "./describe-validation-error";
import { encodeEventStream } from "./encode-event-stream";
import { toReadableStream } from "../../testing/readable-event-stream";
import { fromCanonical, toCanonical } from "./responses-convert";
import { responsesRequestSchema } from "./responses-schema";
import { createResponsesStreamEncoder } from "./responses-stream";
import { eventsOf, meta, textEvents, toCallerError, toolEvents, toolResponse } from "./test-streams";

let server: FakeUpstream | undefined;
afterEach(async () => server?.close());

async function clientFor(respond: () => ScriptedResponse) {
  server = await startScriptedServer(respond);
  return new OpenAI({ baseURL: `${server.url}/v1`, apiKey: "sy-test", maxRetries: 0 });
}
const streamOf = (events: Parameters<typeof eventsOf>[0], failAfter?: number) => ({
  stream: toReadableStream(encodeEventStream(eventsOf(events, failAfter), createResponsesStreamEncoder(meta), toCallerError)),
});

describe("Responses caller format", () => {
  it("converts instructions, messages, function calls and their outputs to canonical, in order", () => {
    const body = responsesRequestSchema.parse({
      model: "auto",
      instructions: "Be brief.",
      input: [
        { role: "developer", content: "Use metric." },
        { role: "user", content: [{ type: "input_text", text: "Weather in Paris?" }, { type: "input_image", image_url: "data:image/png;base64,AAAA" }] },
        { type: "reasoning", id: "rs_1", summary: [] },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "Checking." }] },
        { type: "function_call", call_id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' },
        { type: "function_call_output", call_id: "call_1", output: '{"temp":21}' },
        { role: "user", content: "Thanks" },
      ],
      tools: [{ type: "function", name: "get_weather", description: "Weather", parameters: { type: "object" }, strict: true }],
      tool_choice: { type: "function", name: "get_weather" },
      max_output_tokens: 300,
      temperature: 0.5,
      text: { format: { type: "json_schema", name: "answer", schema: { type: "object" }, strict: true } },
      stream: true,
      metadata: { team: "a" },
      store: false,
      reasoning: { effort: "low" },
    });
    const { model, request, view } = toCanonical(body);
    expect(model).toBe("auto");
    expect(request).toEqual({
      system: "Be brief.\n\nUse metric.",
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather in Paris?" }, { type: "image", source: { kind: "base64", mediaType: "image/png", data: "AAAA" } }] },
        { role: "assistant", content: [{ type: "text", text: "Checking." }, { type: "tool_call", id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}' }] },
        { role: "tool", content: [{ type: "tool_result", toolCallId: "call_1", content: '{"temp":21}' }] },
        { role: "user", content: [{ type: "text", text: "Thanks" }] },
      ],
      tools: [{ name: "get_weather", description: "Weather", parameters: { type: "object" } }],
      toolChoice: { name: "get_weather" },
      maxTokens: 300,
      temperature: 0.5,
      responseFormat: { type: "json_schema", name: "answer", schema: { type: "object" }, strict: true },
      stream: true,
      metadata: { team: "a" },
      reasoningEffort: "low",
    });
    expect(view.messages.at(-1)).toEqual({ role: "user", content: "Thanks" });
    expect(toCanonical(responsesRequestSchema.parse({ model: "auto", input: "Hi" })).request.messages).toEqual([{ role: "user", content: [{ type: "text", text: "Hi" }] }]);
  });

  it("refuses what it cannot serve with a message naming the field", () => {
    const message = (body: unknown) => describeValidationError(responsesRequestSchema.safeParse(body).error!).message;
    expect(message({ model: "auto", input: "Hi", previous_response_id: "resp_1" })).toContain("previous_response_id is not supported");
    expect(message({ model: "auto", input: "Hi", tools: [{ type: "web_search" }] })).toBe("tools.0.type: only function tools are supported");
    expect(message({ model: "auto", input: [] })).toContain("input");
  });

  it("is read by the OpenAI SDK without streaming: output_text, function calls, usage and an incomplete status", async () => {
    const answer = { ...fromCanonical(toolResponse, meta) };
    const client = await clientFor(() => ({ json: answer }));
    const response = await client.responses.create({ model: "auto", input: "hi" });
    expect(response.output_text).toBe("Let me look.");
    expect(response.status).toBe("completed");
    expect(response.output[1]).toEqual({ type: "function_call", id: "fc_call_a", call_id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}', status: "completed" });
    expect(response.usage).toMatchObject({ input_tokens: 30, output_tokens: 18, total_tokens: 48, input_tokens_details: { cached_tokens: 10 } });
    expect(fromCanonical({ ...toolResponse, toolCalls: [], finishReason: "length" }, meta)).toMatchObject({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" } });
  });

  it("streams text that the SDK's stream helper assembles into the final response", async () => {
    const client = await clientFor(() => streamOf(textEvents));
    const stream = client.responses.stream({ model: "auto", input: "hi" });
    const deltas: string[] = [];
    stream.on("response.output_text.delta", (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(deltas).toEqual(["Hello", ", world."]);
    expect(final.output_text).toBe("Hello, world.");
    expect(final.usage).toMatchObject({ input_tokens: 12, output_tokens: 4 });
  });

  it("streams typed events in order, numbered, with function calls as their own items", async () => {
    const client = await clientFor(() => streamOf(toolEvents));
    const events = [];
    for await (const event of await client.responses.create({ model: "auto", input: "hi", stream: true })) events.push(event);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    expect(events.map((e) => e.type)).toEqual([
      "response.created", "response.in_progress",
      "response.output_item.added", "response.content_part.added", "response.output_text.delta",
      "response.output_text.done", "response.content_part.done", "response.output_item.done",
      "response.output_item.added", "response.function_call_arguments.delta", "response.function_call_arguments.delta",
      "response.output_item.added", "response.function_call_arguments.delta",
      "response.function_call_arguments.done", "response.output_item.done",
      "response.function_call_arguments.done", "response.output_item.done",
      "response.completed",
    ]);
    const completed = events.at(-1);
    expect(completed?.type === "response.completed" && completed.response.output).toEqual([
      { type: "message", id: "msg_gw-123", status: "completed", role: "assistant", content: [{ type: "output_text", text: "Let me look.", annotations: [], logprobs: [] }] },
      { type: "function_call", id: "fc_call_a", call_id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}', status: "completed" },
      { type: "function_call", id: "fc_call_b", call_id: "call_b", name: "get_time", arguments: '{"tz":"CET"}', status: "completed" },
    ]);
  });

  it("makes the SDK throw on an error event mid-stream", async () => {
    const client = await clientFor(() => streamOf(textEvents, 2));
    const seen: string[] = [];
    const error = await (async () => {
      for await (const event of await client.responses.create({ model: "auto", input: "hi", stream: true })) seen.push(event.type);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain("upstream fell over");
    expect(seen).toContain("response.output_text.delta");
    expect(seen).not.toContain("response.completed");
  });
});
