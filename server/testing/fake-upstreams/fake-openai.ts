import { sseFrame, splitIntoPieces, startFakeServer, type Dialect, type FakeUpstreamOptions, type ScriptedReply } from "./start-fake-server";

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "invalid_request_error",
  404: "invalid_request_error",
  429: "rate_limit_exceeded",
};

function toolCalls(reply: Required<ScriptedReply>) {
  return reply.toolCalls.map((call, i) => ({
    id: call.id ?? `call_${i}`,
    type: "function",
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}

function usage(reply: Required<ScriptedReply>) {
  return {
    prompt_tokens: reply.usage.input,
    completion_tokens: reply.usage.output,
    total_tokens: reply.usage.input + reply.usage.output,
  };
}

/** OpenAI Chat Completions, as documented for /v1/chat/completions. */
export const openAIDialect: Dialect = {
  presentedKey: (req) => req.headers.authorization?.replace(/^Bearer /, ""),
  errorBody: (status, message) => ({
    error: { message, type: ERROR_TYPES[status] ?? "server_error", param: null, code: status === 401 ? "invalid_api_key" : null },
  }),
  isStream: (req) => req.body?.stream === true,
  renderJson: (reply, req) => {
    const calls = toolCalls(reply);
    return {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: req.body?.model ?? reply.model,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: reply.text || null, ...(calls.length ? { tool_calls: calls } : {}) },
          finish_reason: reply.finishReason,
        },
      ],
      usage: usage(reply),
    };
  },
  renderStream: (reply, req) => {
    const includeUsage = req.body?.stream_options?.include_usage === true;
    const chunk = (delta: object, finishReason: string | null = null) =>
      sseFrame({
        id: "chatcmpl-fake",
        object: "chat.completion.chunk",
        created: 1_700_000_000,
        model: req.body?.model ?? reply.model,
        choices: [{ index: 0, delta, finish_reason: finishReason }],
        ...(includeUsage ? { usage: null } : {}),
      });
    const frames = [chunk({ role: "assistant", content: "" })];
    for (const piece of splitIntoPieces(reply.text)) frames.push(chunk({ content: piece }));
    toolCalls(reply).forEach((call, index) => {
      frames.push(chunk({ tool_calls: [{ index, id: call.id, type: "function", function: { name: call.function.name, arguments: "" } }] }));
      for (const piece of splitIntoPieces(call.function.arguments, 2)) {
        frames.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
    frames.push(chunk({}, reply.finishReason));
    if (includeUsage) {
      frames.push(sseFrame({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1_700_000_000, model: req.body?.model, choices: [], usage: usage(reply) }));
    }
    frames.push(sseFrame("[DONE]"));
    return frames;
  },
};

export function startFakeOpenAI(options?: FakeUpstreamOptions) {
  return startFakeServer(openAIDialect, options);
}
