import type { ChatResponse, SSEEvent, StreamEvent, StreamState, ToolCall, Usage, UpstreamErrorKind } from "../types";
import { reportedError, type UpstreamError } from "../upstream-error";
import { fromAnthropicStopReason } from "./stop-reason";

type WireUsage = {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
};
type WireBlock = { type: string; text?: string; id?: string; name?: string; input?: unknown };
type WireMessage = {
  id?: string;
  model?: string;
  content?: WireBlock[];
  stop_reason?: string | null;
  usage?: WireUsage;
};
type WireStreamEvent = {
  type?: string;
  index?: number;
  message?: WireMessage;
  content_block?: WireBlock;
  delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string | null };
  usage?: WireUsage;
  error?: { type?: string; message?: string };
};

/** Anthropic's input_tokens excludes cache reads and writes; canonical input counts them all. */
function toCanonicalUsage(usage: WireUsage | undefined): Usage {
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  const result: Usage = {
    inputTokens: (usage?.input_tokens ?? 0) + cacheRead + cacheWrite,
    outputTokens: usage?.output_tokens ?? 0,
  };
  if (cacheRead) result.cachedInputTokens = cacheRead;
  if (cacheWrite) result.cacheWriteTokens = cacheWrite;
  return result;
}

export function parseAnthropicResponse(json: unknown): ChatResponse {
  const body = json as WireMessage;
  const blocks = body.content ?? [];
  const toolCalls: ToolCall[] = blocks
    .filter((b) => b.type === "tool_use")
    .map((b) => ({ id: b.id ?? "", name: b.name ?? "", arguments: JSON.stringify(b.input ?? {}) }));
  return {
    id: body.id ?? "",
    model: body.model ?? "",
    content: blocks.map((b) => (b.type === "text" ? (b.text ?? "") : "")).join(""),
    toolCalls,
    finishReason: fromAnthropicStopReason(body.stop_reason),
    usage: toCanonicalUsage(body.usage),
  };
}

const STREAM_ERROR_KINDS: Record<string, { kind: UpstreamErrorKind; status: number }> = {
  overloaded_error: { kind: "server", status: 529 },
  api_error: { kind: "server", status: 500 },
  rate_limit_error: { kind: "rate_limited", status: 429 },
  invalid_request_error: { kind: "bad_request", status: 400 },
  request_too_large: { kind: "bad_request", status: 413 },
};

function toStreamError(error: WireStreamEvent["error"]): UpstreamError {
  const mapped = STREAM_ERROR_KINDS[error?.type ?? ""] ?? { kind: "stream_broken", status: 0 };
  return reportedError("anthropic", mapped.status, mapped.kind, error);
}

function mapBlockStart(event: WireStreamEvent, state: StreamState): StreamEvent[] {
  const block = event.content_block;
  if (block?.type === "text" && block.text) return [{ type: "text", text: block.text }];
  if (block?.type !== "tool_use") return [];
  const index = state.toolIndexByKey.size;
  state.toolIndexByKey.set(event.index ?? 0, index);
  return [{ type: "tool_call_start", index, id: block.id ?? "", name: block.name ?? "" }];
}

function mapBlockDelta(event: WireStreamEvent, state: StreamState): StreamEvent[] {
  const delta = event.delta;
  if (delta?.type === "text_delta" && delta.text) return [{ type: "text", text: delta.text }];
  if (delta?.type !== "input_json_delta" || !delta.partial_json) return [];
  const index = state.toolIndexByKey.get(event.index ?? 0);
  return index === undefined ? [] : [{ type: "tool_call_delta", index, argumentsDelta: delta.partial_json }];
}

export function mapAnthropicStreamEvent(sse: SSEEvent, state: StreamState): StreamEvent[] {
  const event = JSON.parse(sse.data) as WireStreamEvent;
  switch (sse.event ?? event.type) {
    case "message_start": {
      state.started = true;
      state.usage = toCanonicalUsage(event.message?.usage);
      return [{ type: "start", id: event.message?.id ?? "", model: event.message?.model ?? "" }];
    }
    case "content_block_start":
      return mapBlockStart(event, state);
    case "content_block_delta":
      return mapBlockDelta(event, state);
    case "message_delta": {
      // These counters are cumulative totals; the input ones appear only when they changed.
      const reported = event.usage ?? {};
      if (reported.input_tokens !== undefined) state.usage = toCanonicalUsage(reported);
      state.usage = { ...state.usage, outputTokens: reported.output_tokens ?? state.usage.outputTokens };
      return [
        { type: "finish", finishReason: fromAnthropicStopReason(event.delta?.stop_reason) },
        { type: "usage", usage: state.usage },
      ];
    }
    case "message_stop":
      state.terminated = true;
      return [];
    case "error":
      throw toStreamError(event.error);
    default:
      return [];
  }
}
