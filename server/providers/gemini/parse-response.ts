import { randomUUID } from "node:crypto";
import type { ChatResponse, FinishReason, SSEEvent, StreamEvent, StreamState, ToolCall, Usage } from "../types";
import { kindFromStatus, reportedError } from "../upstream-error";

type WirePart = { text?: string; thought?: boolean; functionCall?: { id?: string; name?: string; args?: unknown } };
type WireUsage = {
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  thoughtsTokenCount?: number;
  cachedContentTokenCount?: number;
};
type WireResponse = {
  candidates?: Array<{ content?: { parts?: WirePart[] }; finishReason?: string }>;
  promptFeedback?: { blockReason?: string };
  usageMetadata?: WireUsage;
  modelVersion?: string;
  responseId?: string;
  error?: { code?: number; message?: string };
};

const CONTENT_FILTER_REASONS = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "LANGUAGE",
]);

function toFinishReason(reason: string | undefined, hasToolCalls: boolean): FinishReason {
  if (reason === "STOP") return hasToolCalls ? "tool_calls" : "stop";
  if (reason === "MAX_TOKENS") return "length";
  if (reason && CONTENT_FILTER_REASONS.has(reason)) return "content_filter";
  return "error";
}

/** Thinking tokens are billed as output, so they count as output here. */
function toCanonicalUsage(usage: WireUsage | undefined): Usage {
  const result: Usage = {
    inputTokens: usage?.promptTokenCount ?? 0,
    outputTokens: (usage?.candidatesTokenCount ?? 0) + (usage?.thoughtsTokenCount ?? 0),
  };
  if (usage?.cachedContentTokenCount) result.cachedInputTokens = usage.cachedContentTokenCount;
  return result;
}

/** Gemini may omit call ids; callers need one to send results back. */
function toToolCall(call: NonNullable<WirePart["functionCall"]>): ToolCall {
  return {
    id: call.id ?? `call_${randomUUID().replace(/-/g, "").slice(0, 24)}`,
    name: call.name ?? "",
    arguments: JSON.stringify(call.args ?? {}),
  };
}

function visibleParts(body: WireResponse): WirePart[] {
  return (body.candidates?.[0]?.content?.parts ?? []).filter((p) => !p.thought);
}

function throwIfError(body: WireResponse) {
  if (!body.error) return;
  const status = body.error.code ?? 0;
  throw reportedError("google", status, status ? kindFromStatus(status) : "stream_broken", body.error);
}

export function parseGeminiResponse(json: unknown): ChatResponse {
  const body = json as WireResponse;
  throwIfError(body);
  const parts = visibleParts(body);
  const toolCalls = parts.flatMap((p) => (p.functionCall ? [toToolCall(p.functionCall)] : []));
  const blocked = body.promptFeedback?.blockReason !== undefined && !body.candidates?.length;
  return {
    id: body.responseId ?? "",
    model: body.modelVersion ?? "",
    content: parts.map((p) => p.text ?? "").join(""),
    toolCalls,
    finishReason: blocked ? "content_filter" : toFinishReason(body.candidates?.[0]?.finishReason, toolCalls.length > 0),
    usage: toCanonicalUsage(body.usageMetadata),
  };
}

/** Gemini streams whole function calls in one chunk, and ends with the chunk carrying finishReason. */
export function mapGeminiStreamEvent(sse: SSEEvent, state: StreamState): StreamEvent[] {
  const chunk = JSON.parse(sse.data) as WireResponse;
  throwIfError(chunk);
  const events: StreamEvent[] = [];
  if (!state.started) {
    state.started = true;
    events.push({ type: "start", id: chunk.responseId ?? "", model: chunk.modelVersion ?? "" });
  }
  for (const part of visibleParts(chunk)) {
    if (part.text) events.push({ type: "text", text: part.text });
    if (!part.functionCall) continue;
    const call = toToolCall(part.functionCall);
    const index = state.toolIndexByKey.size;
    state.toolIndexByKey.set(index, index);
    events.push({ type: "tool_call_start", index, id: call.id, name: call.name });
    events.push({ type: "tool_call_delta", index, argumentsDelta: call.arguments });
  }
  if (chunk.usageMetadata) state.usage = toCanonicalUsage(chunk.usageMetadata);
  const finishReason = chunk.candidates?.[0]?.finishReason;
  const blocked = chunk.promptFeedback?.blockReason !== undefined;
  if (finishReason || blocked) {
    state.terminated = true;
    const reason = finishReason ? toFinishReason(finishReason, state.toolIndexByKey.size > 0) : "content_filter";
    events.push({ type: "finish", finishReason: reason }, { type: "usage", usage: state.usage });
  }
  return events;
}
