import type { ChatResponse, StreamEvent } from "@/server/providers/types";
import { UpstreamError } from "@/server/providers/upstream-error";
import type { CallerError } from "./types";

/** Canonical fixtures shared by the caller-format tests. */

export const textEvents: StreamEvent[] = [
  { type: "start", id: "up-1", model: "upstream-model" },
  { type: "text", text: "Hello" },
  { type: "text", text: ", world." },
  { type: "finish", finishReason: "stop" },
  { type: "usage", usage: { inputTokens: 12, outputTokens: 4 } },
];

export const toolEvents: StreamEvent[] = [
  { type: "start", id: "up-2", model: "upstream-model" },
  { type: "text", text: "Let me look." },
  { type: "tool_call_start", index: 0, id: "call_a", name: "get_weather" },
  { type: "tool_call_delta", index: 0, argumentsDelta: '{"city":' },
  { type: "tool_call_delta", index: 0, argumentsDelta: '"Paris"}' },
  { type: "tool_call_start", index: 1, id: "call_b", name: "get_time" },
  { type: "tool_call_delta", index: 1, argumentsDelta: '{"tz":"CET"}' },
  { type: "finish", finishReason: "tool_calls" },
  { type: "usage", usage: { inputTokens: 30, outputTokens: 18, cachedInputTokens: 10 } },
];

export const toolResponse: ChatResponse = {
  id: "up-3",
  model: "upstream-model",
  content: "Let me look.",
  toolCalls: [{ id: "call_a", name: "get_weather", arguments: '{"city":"Paris"}' }],
  finishReason: "tool_calls",
  usage: { inputTokens: 30, outputTokens: 18, cachedInputTokens: 10 },
};

export async function* eventsOf(events: StreamEvent[], failAfter?: number): AsyncGenerator<StreamEvent> {
  for (const [i, event] of events.entries()) {
    if (i === failAfter) throw new UpstreamError({ status: 503, kind: "server", message: "upstream fell over", provider: "openai" });
    yield event;
  }
}

export function toCallerError(error: unknown): CallerError {
  return { status: error instanceof UpstreamError && error.status >= 500 ? 503 : 500, message: error instanceof Error ? error.message : "error" };
}

export const meta = { id: "gw-123", model: "auto", created: 1_700_000_000 };
