import { toAnthropicStopReason } from "@/server/providers/anthropic/stop-reason";
import type { FinishReason, StreamEvent, Usage } from "@/server/providers/types";
import { toAnthropicUsage } from "./anthropic-convert";
import { buildAnthropicErrorBody } from "./anthropic-errors";
import type { StreamEncoder, StreamMeta } from "./types";

// The event name is the data's own `type`; objects are written with it first, as Anthropic does
// (built as literals: this runs for every token, and a spread per event showed in profiles).
const frame = (data: { type: string; [field: string]: unknown }) => `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * message_start, one content block at a time (text or tool_use), then message_delta with
 * stop reason and usage, then message_stop. Finish and usage are held until the end because
 * Anthropic reports them together while canonical streams send them separately.
 */
export function createAnthropicStreamEncoder(meta: StreamMeta): StreamEncoder {
  let started = false;
  let openBlock: { index: number; kind: "text" | "tool" } | undefined;
  let nextBlockIndex = 0;
  const blockByTool = new Map<number, number>();
  let finishReason: FinishReason = "stop";
  let usage: Usage = { inputTokens: 0, outputTokens: 0 };

  function start(): string {
    if (started) return "";
    started = true;
    const message = { id: meta.id, type: "message", role: "assistant", model: meta.model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 0, output_tokens: 0 } };
    return frame({ type: "message_start", message });
  }

  function closeBlock(): string {
    if (!openBlock) return "";
    const text = frame({ type: "content_block_stop", index: openBlock.index });
    openBlock = undefined;
    return text;
  }

  function openNewBlock(kind: "text" | "tool", contentBlock: Record<string, unknown>): string {
    const text = closeBlock();
    openBlock = { index: nextBlockIndex++, kind };
    return text + frame({ type: "content_block_start", index: openBlock.index, content_block: contentBlock });
  }

  function encode(event: StreamEvent): string {
    switch (event.type) {
      case "start":
        return "";
      case "text": {
        const opened = openBlock?.kind === "text" ? "" : openNewBlock("text", { type: "text", text: "" });
        const index = openBlock?.index ?? 0;
        return opened + frame({ type: "content_block_delta", index, delta: { type: "text_delta", text: event.text } });
      }
      case "tool_call_start": {
        const opened = openNewBlock("tool", { type: "tool_use", id: event.id, name: event.name, input: {} });
        blockByTool.set(event.index, openBlock?.index ?? 0);
        return opened;
      }
      case "tool_call_delta": {
        const index = blockByTool.get(event.index);
        if (index === undefined) return "";
        return frame({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: event.argumentsDelta } });
      }
      case "finish":
        finishReason = event.finishReason;
        return "";
      case "usage":
        usage = event.usage;
        return "";
    }
  }

  return {
    event: (event) => start() + encode(event),
    end: () =>
      start() +
      closeBlock() +
      frame({ type: "message_delta", delta: { stop_reason: toAnthropicStopReason(finishReason), stop_sequence: null }, usage: toAnthropicUsage(usage, meta) }) +
      frame({ type: "message_stop" }),
    // The SDK throws an APIError for `event: error`, typed from error.type.
    error: ({ status, message }) => `event: error\ndata: ${JSON.stringify(buildAnthropicErrorBody(status, message))}\n\n`,
  };
}
