import { sseFrame, splitIntoPieces, startFakeServer, type Dialect, type FakeUpstreamOptions, type ScriptedReply } from "./start-fake-server";

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  429: "RESOURCE_EXHAUSTED",
  503: "UNAVAILABLE",
};

const FINISH_REASONS = { stop: "STOP", length: "MAX_TOKENS", tool_calls: "STOP" } as const;

function usageMetadata(reply: Required<ScriptedReply>) {
  return {
    promptTokenCount: reply.usage.input,
    candidatesTokenCount: reply.usage.output,
    totalTokenCount: reply.usage.input + reply.usage.output,
  };
}

function modelFromPath(path: string, fallback: string): string {
  return decodeURIComponent(path.match(/\/models\/([^:]+):/)?.[1] ?? fallback);
}

/** Gemini API generateContent / streamGenerateContent?alt=sse, as documented for v1beta. */
export const geminiDialect: Dialect = {
  presentedKey: (req) => req.headers["x-goog-api-key"] as string | undefined,
  errorBody: (status, message) => ({ error: { code: status, message, status: STATUS_NAMES[status] ?? "INTERNAL" } }),
  isStream: (req) => req.path.includes(":streamGenerateContent"),
  renderJson: (reply, req) => {
    const parts: Array<Record<string, unknown>> = reply.text ? [{ text: reply.text }] : [];
    for (const call of reply.toolCalls) parts.push({ functionCall: { name: call.name, args: call.arguments } });
    return {
      candidates: [{ content: { role: "model", parts }, finishReason: FINISH_REASONS[reply.finishReason], index: 0 }],
      usageMetadata: usageMetadata(reply),
      modelVersion: modelFromPath(req.path, reply.model),
      responseId: "gemini-fake",
    };
  },
  renderStream: (reply, req) => {
    const model = modelFromPath(req.path, reply.model);
    const chunk = (parts: object[], finishReason?: string) =>
      sseFrame({
        candidates: [{ content: { role: "model", parts }, ...(finishReason ? { finishReason } : {}), index: 0 }],
        usageMetadata: finishReason ? usageMetadata(reply) : { promptTokenCount: reply.usage.input },
        modelVersion: model,
        responseId: "gemini-fake",
      });
    const pieces = splitIntoPieces(reply.text);
    const calls = reply.toolCalls.map((call) => ({ functionCall: { name: call.name, args: call.arguments } }));
    const frames = pieces.slice(0, -1).map((piece) => chunk([{ text: piece }]));
    const lastParts = [...pieces.slice(-1).map((text) => ({ text })), ...calls];
    frames.push(chunk(lastParts, FINISH_REASONS[reply.finishReason]));
    return frames;
  },
};

export function startFakeGemini(options?: FakeUpstreamOptions) {
  return startFakeServer(geminiDialect, options);
}
