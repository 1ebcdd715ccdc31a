import type { ChatMessage, ChatRequest, ChatResponse, FinishReason, ImagePart, TextPart } from "@/server/providers/types";
import { lastBreakpoint, toCacheControl, withCacheControl, type WireCacheControl } from "./cache-control";
import type { OpenAIChatRequest } from "./openai-schema";
import { toRoutingView } from "./to-routing-view";
import type { CanonicalInput, ResponseMeta } from "./types";
import { costField } from "./usage-cost-field";

type WireMessage = OpenAIChatRequest["messages"][number];

/** The text of a message's content: a string, or the text (or refusal) of each part, joined. */
export function textOf(content: string | Array<{ type: string; text?: string; refusal?: string }> | null | undefined): string {
  if (typeof content === "string") return content;
  return (content ?? []).map((p) => p.text ?? p.refusal ?? "").join("");
}

export function toImagePart(url: string): ImagePart {
  const inline = /^data:([^;,]+);base64,(.*)$/s.exec(url);
  return inline
    ? { type: "image", source: { kind: "base64", mediaType: inline[1] ?? "", data: inline[2] ?? "" } }
    : { type: "image", source: { kind: "url", url } };
}

function toCanonicalMessage(message: WireMessage): ChatMessage | undefined {
  switch (message.role) {
    case "system":
    case "developer":
      return undefined;
    case "user": {
      if (typeof message.content === "string") return { role: "user", content: [{ type: "text", text: message.content }] };
      const parts = message.content.map((p): TextPart | ImagePart => (p.type === "text" ? { type: "text", text: p.text, ...withCacheControl(p.cache_control) } : toImagePart(p.image_url.url)));
      return { role: "user", content: parts };
    }
    case "assistant": {
      const text = textOf(message.content) || (message.refusal ?? "");
      const calls = (message.tool_calls ?? []).map((c) => ({ type: "tool_call" as const, id: c.id, name: c.function.name, arguments: c.function.arguments }));
      const content = [...(text ? [{ type: "text" as const, text }] : []), ...calls];
      return content.length ? { role: "assistant", content } : undefined;
    }
    case "tool":
      return { role: "tool", content: [{ type: "tool_result", toolCallId: message.tool_call_id, content: textOf(message.content), ...withCacheControl(lastBreakpoint(message.content)) }] };
  }
}

function toResponseFormat(format: OpenAIChatRequest["response_format"]): ChatRequest["responseFormat"] {
  if (format?.type !== "json_schema") return format;
  const { name, schema, strict } = format.json_schema;
  return { type: "json_schema", name, schema: schema ?? {}, ...(strict == null ? {} : { strict }) };
}

/** System and developer messages, wherever they appear, become the one canonical system prompt. */
export function toCanonical(body: OpenAIChatRequest): CanonicalInput {
  const system: string[] = [];
  let systemBreakpoint: WireCacheControl;
  const messages: ChatMessage[] = [];
  for (const message of body.messages) {
    if (message.role === "system" || message.role === "developer") {
      system.push(textOf(message.content));
      systemBreakpoint = lastBreakpoint(message.content) ?? systemBreakpoint;
    } else {
      const canonical = toCanonicalMessage(message);
      if (canonical) messages.push(canonical);
    }
  }
  const request: ChatRequest = { messages, stream: body.stream === true };
  if (system.length) request.system = system.join("\n\n");
  const systemCache = toCacheControl(systemBreakpoint);
  if (system.length && systemCache) request.systemCacheControl = systemCache;
  if (body.tools?.length) {
    request.tools = body.tools.map(({ function: f }) => ({
      name: f.name,
      ...(f.description === undefined ? {} : { description: f.description }),
      parameters: f.parameters ?? { type: "object", properties: {} },
    }));
  }
  if (body.tool_choice !== undefined) {
    request.toolChoice = typeof body.tool_choice === "string" ? body.tool_choice : { name: body.tool_choice.function.name };
  }
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  if (maxTokens != null) request.maxTokens = maxTokens;
  if (body.temperature != null) request.temperature = body.temperature;
  if (body.top_p != null) request.topP = body.top_p;
  if (body.stop != null) request.stop = typeof body.stop === "string" ? [body.stop] : body.stop;
  const responseFormat = toResponseFormat(body.response_format);
  if (responseFormat) request.responseFormat = responseFormat;
  if (body.reasoning_effort != null) request.reasoningEffort = body.reasoning_effort;
  if (body.user !== undefined) request.user = body.user;
  if (body.metadata !== undefined) request.metadata = body.metadata;
  return { model: body.model, request, view: toRoutingView(request) };
}

/** OpenAI has no "error" finish reason; the turn still ended. */
export function toOpenAIFinishReason(reason: FinishReason): "stop" | "length" | "tool_calls" | "content_filter" {
  return reason === "error" ? "stop" : reason;
}

export function toOpenAIUsage(usage: ChatResponse["usage"], meta: ResponseMeta) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    ...(usage.cachedInputTokens ? { prompt_tokens_details: { cached_tokens: usage.cachedInputTokens } } : {}),
    ...costField(meta, usage),
  };
}

export function fromCanonical(response: ChatResponse, meta: ResponseMeta) {
  const toolCalls = response.toolCalls.map((c) => ({ id: c.id, type: "function" as const, function: { name: c.name, arguments: c.arguments } }));
  return {
    id: meta.id,
    object: "chat.completion" as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant" as const,
          content: response.content === "" && toolCalls.length > 0 ? null : response.content,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toOpenAIFinishReason(response.finishReason),
      },
    ],
    usage: toOpenAIUsage(response.usage, meta),
  };
}
