import type { ChatResponse, FinishReason, SSEEvent, StreamEvent, StreamState, ToolCall, Usage } from "../types";
import { UpstreamError, reportedError } from "../upstream-error";

type WireUsage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
};
type WireToolCall = { index?: number; id?: string; function?: { name?: string; arguments?: string } };
type WireChoice = {
  message?: { content?: string | null; refusal?: string | null; tool_calls?: WireToolCall[] };
  delta?: { content?: string | null; refusal?: string | null; tool_calls?: WireToolCall[] };
  finish_reason?: string | null;
};
type WireResponse = {
  id?: string;
  model?: string;
  choices?: WireChoice[];
  usage?: WireUsage | null;
  error?: { message?: string; type?: string; code?: string | number };
};

export function toCanonicalUsage(usage: WireUsage | null | undefined): Usage {
  const result: Usage = { inputTokens: usage?.prompt_tokens ?? 0, outputTokens: usage?.completion_tokens ?? 0 };
  const cached = usage?.prompt_tokens_details?.cached_tokens;
  if (cached) result.cachedInputTokens = cached;
  return result;
}

/** Some OpenAI-compatible servers report "stop" even when the turn ended in tool calls. */
export function toFinishReason(reason: string | null | undefined, hasToolCalls: boolean): FinishReason {
  switch (reason) {
    case "length":
      return "length";
    case "tool_calls":
    case "function_call":
      return "tool_calls";
    case "content_filter":
      return "content_filter";
    case "stop":
    case null:
    case undefined:
      return hasToolCalls ? "tool_calls" : "stop";
    default:
      return "error";
  }
}

const malformed = (message: string) => new UpstreamError({ status: 200, kind: "unknown", message, provider: "openai" });

/**
 * A text field of the answer: absent, null or a string. Anything else (a number, an object, an
 * array, from an OpenAI-compatible server of a tenant's) is a malformed answer, a failure of the
 * attempt like any other (the next model of the plan is tried), not a value that breaks the
 * gateway further on.
 */
function textField(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw malformed(`response's ${field} is not text`);
  return value;
}

export function parseOpenAIResponse(json: unknown): ChatResponse {
  const body = json as WireResponse;
  const choice = body.choices?.[0];
  if (!choice?.message) throw malformed("response has no choices");
  const calls: unknown = choice.message.tool_calls ?? [];
  if (!Array.isArray(calls)) throw malformed("response's tool_calls is not a list");
  const toolCalls: ToolCall[] = (calls as WireToolCall[]).map((c) => ({
    id: textField(c?.id, "tool call id") ?? "",
    name: textField(c?.function?.name, "tool call name") ?? "",
    arguments: textField(c?.function?.arguments, "tool call arguments") ?? "",
  }));
  const refusal = textField(choice.message.refusal, "refusal");
  return {
    id: textField(body.id, "id") ?? "",
    model: textField(body.model, "model") ?? "",
    content: textField(choice.message.content, "content") ?? refusal ?? "",
    toolCalls,
    finishReason: toFinishReason(choice.finish_reason, toolCalls.length > 0),
    usage: toCanonicalUsage(body.usage),
    ...(refusal ? { refusal: true } : {}),
  };
}

function mapToolCallDeltas(deltas: WireToolCall[], state: StreamState): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const delta of deltas) {
    const key = delta.index ?? 0;
    let index = state.toolIndexByKey.get(key);
    if (index === undefined) {
      index = state.toolIndexByKey.size;
      state.toolIndexByKey.set(key, index);
      events.push({ type: "tool_call_start", index, id: delta.id ?? "", name: delta.function?.name ?? "" });
    }
    const args = delta.function?.arguments;
    if (args) events.push({ type: "tool_call_delta", index, argumentsDelta: args });
  }
  return events;
}

export function mapOpenAIStreamEvent(sse: SSEEvent, state: StreamState): StreamEvent[] {
  if (sse.data.trim() === "[DONE]") {
    state.terminated = true;
    return [];
  }
  const chunk = JSON.parse(sse.data) as WireResponse;
  if (chunk.error) {
    const status = typeof chunk.error.code === "number" ? chunk.error.code : 0;
    throw reportedError("openai", status, chunk.error.type === "server_error" || status >= 500 ? "server" : "stream_broken", chunk.error);
  }
  const events: StreamEvent[] = [];
  if (!state.started) {
    state.started = true;
    events.push({ type: "start", id: chunk.id ?? "", model: chunk.model ?? "" });
  }
  const choice = chunk.choices?.[0];
  if (choice?.delta?.content) events.push({ type: "text", text: choice.delta.content });
  // A streamed refusal reaches the caller as text, as a whole answer's does (it was dropped before).
  if (choice?.delta?.refusal) events.push({ type: "text", text: choice.delta.refusal });
  if (choice?.delta?.tool_calls) events.push(...mapToolCallDeltas(choice.delta.tool_calls, state));
  if (choice?.finish_reason) {
    events.push({ type: "finish", finishReason: toFinishReason(choice.finish_reason, state.toolIndexByKey.size > 0) });
  }
  if (chunk.usage) events.push({ type: "usage", usage: toCanonicalUsage(chunk.usage) });
  return events;
}
