import type { FinishReason, StreamEvent, Usage } from "@/server/providers/types";
import { buildOpenAIErrorBody } from "./openai-errors";
import { functionCallItemId, functionCallOutput, messageItemId, messageOutput, responseObject } from "./responses-convert";
import type { StreamEncoder, StreamMeta } from "./types";

interface OpenCall {
  outputIndex: number;
  id: string;
  name: string;
  arguments: string;
}

/**
 * The Responses API's typed events: response.created and .in_progress, then per output item
 * (the message's text, each function call) its added, delta and done events, and last
 * response.completed (or response.incomplete) with the whole response and its usage. Items
 * are closed at the end because the usage, which the final event carries, comes last.
 */
export function createResponsesStreamEncoder(meta: StreamMeta): StreamEncoder {
  let sequence = 0;
  const frame = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data, sequence_number: sequence++ })}\n\n`;
  const output: unknown[] = [];
  let message: { outputIndex: number; text: string } | null = null;
  const calls = new Map<number, OpenCall>();
  let finishReason: FinishReason | null = null;
  let usage: Usage | null = null;
  let started = false;

  const start = () => {
    if (started) return "";
    started = true;
    const response = { ...responseObject(meta, { finishReason: null, output: [], usage: null }), status: "in_progress" };
    return frame("response.created", { response }) + frame("response.in_progress", { response });
  };

  const closeMessage = () => {
    if (!message) return "";
    const { outputIndex, text } = message;
    const itemId = messageItemId(meta.id);
    const item = messageOutput(meta.id, text);
    output[outputIndex] = item;
    message = null;
    return (
      frame("response.output_text.done", { item_id: itemId, output_index: outputIndex, content_index: 0, text, logprobs: [] }) +
      frame("response.content_part.done", { item_id: itemId, output_index: outputIndex, content_index: 0, part: item.content[0] }) +
      frame("response.output_item.done", { output_index: outputIndex, item })
    );
  };

  const openMessage = () => {
    if (message) return "";
    message = { outputIndex: output.length, text: "" };
    output.push(null);
    const itemId = messageItemId(meta.id);
    return (
      frame("response.output_item.added", { output_index: message.outputIndex, item: { type: "message", id: itemId, status: "in_progress", role: "assistant", content: [] } }) +
      frame("response.content_part.added", { item_id: itemId, output_index: message.outputIndex, content_index: 0, part: { type: "output_text", text: "", annotations: [], logprobs: [] } })
    );
  };

  const closeCalls = () => {
    let text = "";
    for (const call of calls.values()) {
      const item = functionCallOutput(call);
      output[call.outputIndex] = item;
      text += frame("response.function_call_arguments.done", { item_id: item.id, output_index: call.outputIndex, name: call.name, arguments: call.arguments });
      text += frame("response.output_item.done", { output_index: call.outputIndex, item });
    }
    calls.clear();
    return text;
  };

  return {
    event(event: StreamEvent): string {
      switch (event.type) {
        case "start":
          return start();
        case "text": {
          const opened = start() + openMessage();
          message!.text += event.text;
          return opened + frame("response.output_text.delta", { item_id: messageItemId(meta.id), output_index: message!.outputIndex, content_index: 0, delta: event.text, logprobs: [] });
        }
        case "tool_call_start": {
          // A call ends the text before it: the message item is complete.
          const prefix = start() + closeMessage();
          const call: OpenCall = { outputIndex: output.length, id: event.id, name: event.name, arguments: "" };
          output.push(null);
          calls.set(event.index, call);
          const item = { type: "function_call", id: functionCallItemId(call.id), call_id: call.id, name: call.name, arguments: "", status: "in_progress" };
          return prefix + frame("response.output_item.added", { output_index: call.outputIndex, item });
        }
        case "tool_call_delta": {
          const call = calls.get(event.index);
          if (!call) return "";
          call.arguments += event.argumentsDelta;
          return frame("response.function_call_arguments.delta", { item_id: functionCallItemId(call.id), output_index: call.outputIndex, delta: event.argumentsDelta });
        }
        case "finish":
          finishReason = event.finishReason;
          return "";
        case "usage":
          usage = event.usage;
          return "";
      }
    },
    end() {
      const closing = start() + closeMessage() + closeCalls();
      const response = responseObject(meta, { finishReason, output: output.filter((item) => item !== null), usage });
      return closing + frame(response.status === "completed" ? "response.completed" : "response.incomplete", { response });
    },
    // The documented error event; its `error` member is what makes the official SDK raise
    // (an APIError) rather than end the stream quietly.
    error: ({ status, message: text }) => {
      const { error } = buildOpenAIErrorBody(status, text);
      return frame("error", { code: error.code ?? error.type, message: text, param: null, error });
    },
  };
}
