import type { StreamEvent } from "@/server/providers/types";
import { toOpenAIFinishReason, toOpenAIUsage } from "./openai-convert";
import { buildOpenAIErrorBody } from "./openai-errors";
import type { StreamEncoder, StreamMeta } from "./types";

const frame = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

/** chat.completion.chunk frames, an optional usage chunk, then `data: [DONE]`. */
export function createOpenAIStreamEncoder(meta: StreamMeta): StreamEncoder {
  // A chunk differs from the others of its stream only in its delta and finish reason, so the
  // rest is serialised once per stream rather than once per event (this runs for every token).
  const head = `data: {"id":${JSON.stringify(meta.id)},"object":"chat.completion.chunk","created":${meta.created},"model":${JSON.stringify(meta.model)},"choices":[{"index":0,"delta":`;
  const tail = (finishReason: string | null) => `,"logprobs":null,"finish_reason":${JSON.stringify(finishReason)}}]${meta.includeUsage ? ',"usage":null' : ""}}\n\n`;
  const openTail = tail(null);
  let sentRole = false;
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null) => {
    if (!sentRole) {
      delta = { role: "assistant", ...delta };
      sentRole = true;
    }
    return head + JSON.stringify(delta) + (finishReason === null ? openTail : tail(finishReason));
  };

  return {
    event(event: StreamEvent): string {
      switch (event.type) {
        case "start":
          return sentRole ? "" : chunk({ content: "" });
        case "text":
          return chunk({ content: event.text });
        case "tool_call_start":
          return chunk({ tool_calls: [{ index: event.index, id: event.id, type: "function", function: { name: event.name, arguments: "" } }] });
        case "tool_call_delta":
          return chunk({ tool_calls: [{ index: event.index, function: { arguments: event.argumentsDelta } }] });
        case "finish":
          return chunk({}, toOpenAIFinishReason(event.finishReason));
        case "usage":
          if (!meta.includeUsage) return "";
          return frame({ id: meta.id, object: "chat.completion.chunk", created: meta.created, model: meta.model, choices: [], usage: toOpenAIUsage(event.usage, meta) });
      }
    },
    end: () => "data: [DONE]\n\n",
    // The SDK throws an APIError for any data frame carrying `error`; no [DONE] follows.
    error: ({ status, message }) => frame(buildOpenAIErrorBody(status, message)),
  };
}
