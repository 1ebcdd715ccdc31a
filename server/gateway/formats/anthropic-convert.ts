import { toAnthropicStopReason } from "@/server/providers/anthropic/stop-reason";
import { parseJsonObject } from "@/server/providers/parse-json-object";
import type { ChatMessage, ChatRequest, ChatResponse, ImagePart, TextPart, ToolCallPart, ToolResultPart, Usage } from "@/server/providers/types";
import type { AnthropicMessagesRequest } from "./anthropic-schema";
import { lastBreakpoint, toCacheControl, withCacheControl } from "./cache-control";
import { toRoutingView } from "./to-routing-view";
import type { CanonicalInput, ResponseMeta } from "./types";
import { costField } from "./usage-cost-field";

type WireMessage = AnthropicMessagesRequest["messages"][number];
type UserBlock = Exclude<Extract<WireMessage, { role: "user" }>["content"], string>[number];

function toImagePart(block: Extract<UserBlock, { type: "image" }>): ImagePart {
  const { source } = block;
  return source.type === "url"
    ? { type: "image", source: { kind: "url", url: source.url } }
    : { type: "image", source: { kind: "base64", mediaType: source.media_type, data: source.data } };
}

function toToolResult(block: Extract<UserBlock, { type: "tool_result" }>): ToolResultPart {
  const content =
    typeof block.content === "string" ? block.content : (block.content ?? []).map((b) => (b.type === "text" ? b.text : "")).join("");
  return { type: "tool_result", toolCallId: block.tool_use_id, content, ...(block.is_error ? { isError: true } : {}), ...withCacheControl(block.cache_control) };
}

/** A user turn may carry tool results and new input together; canonically those are two messages. */
function toCanonicalMessages(message: WireMessage): ChatMessage[] {
  if (typeof message.content === "string") return [{ role: message.role, content: [{ type: "text", text: message.content }] }];
  if (message.role === "assistant") {
    const content = message.content.flatMap((b): Array<TextPart | ToolCallPart> => {
      if (b.type === "text") return [{ type: "text", text: b.text, ...withCacheControl(b.cache_control) }];
      if (b.type === "tool_use") return [{ type: "tool_call", id: b.id, name: b.name, arguments: JSON.stringify(b.input) }];
      return [];
    });
    return content.length ? [{ role: "assistant", content }] : [];
  }
  const results = message.content.flatMap((b) => (b.type === "tool_result" ? [toToolResult(b)] : []));
  const input = message.content.flatMap((b): Array<TextPart | ImagePart> =>
    b.type === "text" ? [{ type: "text", text: b.text, ...withCacheControl(b.cache_control) }] : b.type === "image" ? [toImagePart(b)] : [],
  );
  const out: ChatMessage[] = [];
  if (results.length) out.push({ role: "tool", content: results });
  if (input.length) out.push({ role: "user", content: input });
  return out;
}

function toToolChoice(choice: NonNullable<AnthropicMessagesRequest["tool_choice"]>): ChatRequest["toolChoice"] {
  if (choice.type === "tool") return { name: choice.name };
  return choice.type === "any" ? "required" : choice.type;
}

export function toCanonical(body: AnthropicMessagesRequest): CanonicalInput {
  const request: ChatRequest = {
    messages: body.messages.flatMap(toCanonicalMessages),
    maxTokens: body.max_tokens,
    stream: body.stream === true,
  };
  const system = typeof body.system === "string" ? body.system : body.system?.map((b) => b.text).join("\n\n");
  if (system) request.system = system;
  // Canonically the system prompt is one text: a breakpoint on any of its blocks marks its end.
  const systemCache = toCacheControl(lastBreakpoint(body.system));
  if (system && systemCache) request.systemCacheControl = systemCache;
  if (body.tools?.length) {
    request.tools = body.tools.map((t) => ({
      name: t.name,
      ...(t.description === undefined ? {} : { description: t.description }),
      parameters: t.input_schema,
      ...withCacheControl(t.cache_control),
    }));
  }
  if (body.tool_choice) request.toolChoice = toToolChoice(body.tool_choice);
  if (body.temperature !== undefined) request.temperature = body.temperature;
  if (body.top_p !== undefined) request.topP = body.top_p;
  if (body.stop_sequences?.length) request.stop = body.stop_sequences;
  if (body.metadata?.user_id) request.user = body.metadata.user_id;
  // Anthropic's format has no name; the canonical one needs one for OpenAI-style upstreams.
  const format = body.output_config?.format;
  if (format) request.responseFormat = { type: "json_schema", name: "output", schema: format.schema, strict: true };
  return { model: body.model, request, view: toRoutingView(request) };
}

/** Anthropic's input_tokens excludes cache reads and writes, which it reports separately. */
export function toAnthropicUsage(usage: Usage, meta: ResponseMeta) {
  const cached = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  return {
    input_tokens: usage.inputTokens - cached - written,
    output_tokens: usage.outputTokens,
    ...(cached ? { cache_read_input_tokens: cached } : {}),
    ...(written ? { cache_creation_input_tokens: written } : {}),
    ...costField(meta, usage),
  };
}

export function fromCanonical(response: ChatResponse, meta: ResponseMeta) {
  const content: Array<Record<string, unknown>> = response.content ? [{ type: "text", text: response.content }] : [];
  for (const call of response.toolCalls) {
    content.push({ type: "tool_use", id: call.id, name: call.name, input: parseJsonObject(call.arguments) ?? {} });
  }
  return {
    id: meta.id,
    type: "message" as const,
    role: "assistant" as const,
    model: meta.model,
    content,
    stop_reason: toAnthropicStopReason(response.finishReason),
    stop_sequence: null,
    usage: toAnthropicUsage(response.usage, meta),
  };
}
