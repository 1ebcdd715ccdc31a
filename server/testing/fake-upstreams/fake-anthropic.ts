import { sseFrame, splitIntoPieces, startFakeServer, type Dialect, type FakeUpstreamOptions, type RecordedRequest, type ScriptedReply } from "./start-fake-server";

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  529: "overloaded_error",
};

const STOP_REASONS = { stop: "end_turn", length: "max_tokens", tool_calls: "tool_use" } as const;

function contentBlocks(reply: Required<ScriptedReply>) {
  const blocks: Array<Record<string, unknown>> = reply.text ? [{ type: "text", text: reply.text }] : [];
  reply.toolCalls.forEach((call, i) => blocks.push({ type: "tool_use", id: call.id ?? `toolu_${i}`, name: call.name, input: call.arguments }));
  return blocks;
}

function messageBody(reply: Required<ScriptedReply>, req: RecordedRequest) {
  return {
    id: "msg_fake",
    type: "message",
    role: "assistant",
    model: req.body?.model ?? reply.model,
    content: contentBlocks(reply),
    stop_reason: STOP_REASONS[reply.finishReason],
    stop_sequence: null,
    usage: {
      input_tokens: reply.usage.input,
      output_tokens: reply.usage.output,
      ...(reply.usage.cacheRead ? { cache_read_input_tokens: reply.usage.cacheRead } : {}),
      ...(reply.usage.cacheWrite ? { cache_creation_input_tokens: reply.usage.cacheWrite } : {}),
    },
  };
}

/** Anthropic Messages API (anthropic-version 2023-06-01), as documented for /v1/messages and /v1/messages/count_tokens. */
export const anthropicDialect: Dialect = {
  presentedKey: (req) => req.headers["x-api-key"] as string | undefined,
  errorBody: (status, message) => ({ type: "error", error: { type: ERROR_TYPES[status] ?? "api_error", message } }),
  isStream: (req) => req.body?.stream === true,
  // POST /v1/messages/count_tokens answers with the scripted input tokens.
  renderJson: (reply, req) => (req.path.endsWith("/count_tokens") ? { input_tokens: reply.usage.input } : messageBody(reply, req)),
  renderStream: (reply, req) => {
    const frames = [
      sseFrame(
        {
          type: "message_start",
          message: {
            id: "msg_fake",
            type: "message",
            role: "assistant",
            model: req.body?.model ?? reply.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: reply.usage.input, output_tokens: 1 },
          },
        },
        "message_start",
      ),
      sseFrame({ type: "ping" }, "ping"),
    ];
    contentBlocks(reply).forEach((block, index) => {
      const isText = block.type === "text";
      const start = isText ? { type: "text", text: "" } : { ...block, input: {} };
      frames.push(sseFrame({ type: "content_block_start", index, content_block: start }, "content_block_start"));
      const pieces = isText ? splitIntoPieces(String(block.text)) : splitIntoPieces(JSON.stringify(block.input), 2);
      for (const piece of pieces) {
        const delta = isText ? { type: "text_delta", text: piece } : { type: "input_json_delta", partial_json: piece };
        frames.push(sseFrame({ type: "content_block_delta", index, delta }, "content_block_delta"));
      }
      frames.push(sseFrame({ type: "content_block_stop", index }, "content_block_stop"));
    });
    frames.push(
      sseFrame(
        { type: "message_delta", delta: { stop_reason: STOP_REASONS[reply.finishReason], stop_sequence: null }, usage: { output_tokens: reply.usage.output } },
        "message_delta",
      ),
      sseFrame({ type: "message_stop" }, "message_stop"),
    );
    return frames;
  },
};

export function startFakeAnthropic(options?: FakeUpstreamOptions) {
  return startFakeServer(anthropicDialect, options);
}
