import { parseJsonObject } from "../parse-json-object";
import { toAnthropicSchema } from "./convert-schema";
import type { CacheControl, ChatMessage, ChatRequest, ImagePart, ProviderTarget, ResponseFormat, UpstreamRequest } from "../types";

export const ANTHROPIC_VERSION = "2023-06-01";
export const DEFAULT_MAX_TOKENS = 4096;

type WireBlock = Record<string, unknown> & { type: string };
type WireMessage = { role: "user" | "assistant"; content: WireBlock[] };

function toImageBlock(part: ImagePart): WireBlock {
  const { source } = part;
  return source.kind === "url"
    ? { type: "image", source: { type: "url", url: source.url } }
    : { type: "image", source: { type: "base64", media_type: source.mediaType, data: source.data } };
}

/** `cache_control` for a canonical breakpoint, spread into the block it marks. */
function cacheControlOf(cache: CacheControl | undefined): { cache_control?: Record<string, string> } {
  if (!cache) return {};
  return { cache_control: cache.ttl ? { type: "ephemeral", ttl: cache.ttl } : { type: "ephemeral" } };
}

function toBlocks(message: ChatMessage): WireBlock[] {
  return message.content.map((part): WireBlock => {
    switch (part.type) {
      case "text":
        return { type: "text", text: part.text, ...cacheControlOf(part.cacheControl) };
      case "image":
        return toImageBlock(part);
      case "tool_call":
        return { type: "tool_use", id: part.id, name: part.name, input: parseJsonObject(part.arguments) ?? {} };
      case "tool_result":
        return {
          type: "tool_result",
          tool_use_id: part.toolCallId,
          content: part.content,
          ...(part.isError ? { is_error: true } : {}),
          ...cacheControlOf(part.cacheControl),
        };
    }
  });
}

/** Tool results travel in user turns, and consecutive same-role turns are merged into one. */
export function toAnthropicMessages(messages: ChatMessage[]): WireMessage[] {
  const wire: WireMessage[] = [];
  for (const message of messages) {
    const role = message.role === "assistant" ? "assistant" : "user";
    const blocks = toBlocks(message).filter((b) => b.type !== "text" || b.text !== "");
    const last = wire[wire.length - 1];
    if (last && last.role === role) last.content.push(...blocks);
    else wire.push({ role, content: blocks });
  }
  return wire;
}

/**
 * The Messages API enforces a JSON schema (output_config.format) but has no schema-free JSON
 * mode, so json_object is asked for in the system prompt.
 */
function jsonInstruction(format: ResponseFormat | undefined): string | undefined {
  return format?.type === "json_object" ? "Respond with a single valid JSON object and nothing else." : undefined;
}

function toToolChoice(choice: NonNullable<ChatRequest["toolChoice"]>) {
  if (choice === "auto") return { type: "auto" };
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any" };
  return { type: "tool", name: choice.name };
}

export function buildAnthropicBody(req: ChatRequest, target: ProviderTarget): Record<string, unknown> {
  const system = [req.system, jsonInstruction(req.responseFormat)].filter(Boolean).join("\n\n");
  const body: Record<string, unknown> = {
    model: target.providerModelId,
    max_tokens: req.maxTokens ?? DEFAULT_MAX_TOKENS,
    messages: toAnthropicMessages(req.messages),
  };
  // A breakpoint needs the block form of the system prompt.
  if (system) body.system = req.systemCacheControl ? [{ type: "text", text: system, ...cacheControlOf(req.systemCacheControl) }] : system;
  if (req.tools?.length) {
    body.tools = req.tools.map((t) => ({
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      input_schema: t.parameters,
      ...cacheControlOf(t.cacheControl),
    }));
  }
  if (req.toolChoice !== undefined && req.tools?.length) {
    body.tool_choice = toToolChoice(req.toolChoice);
  }
  // OpenAI callers may send up to 2; Anthropic rejects anything above 1.
  if (req.temperature !== undefined) body.temperature = Math.min(req.temperature, 1);
  if (req.topP !== undefined) body.top_p = req.topP;
  if (req.stop?.length) body.stop_sequences = req.stop;
  if (req.user !== undefined) body.metadata = { user_id: req.user };
  if (req.responseFormat?.type === "json_schema") body.output_config = { format: { type: "json_schema", schema: toAnthropicSchema(req.responseFormat.schema) } };
  if (target.stream) body.stream = true;
  return body;
}

/** A POST of `body` to `path` of the Messages API, with the tenant's key. */
export function anthropicPost(target: ProviderTarget, path: string, body: Record<string, unknown>): UpstreamRequest {
  return {
    url: `${target.baseUrl.replace(/\/+$/, "")}${path}`,
    init: {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": target.apiKey,
        "anthropic-version": ANTHROPIC_VERSION,
        accept: target.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(body),
    },
  };
}

export function buildAnthropicRequest(req: ChatRequest, target: ProviderTarget): UpstreamRequest {
  return anthropicPost(target, "/v1/messages", buildAnthropicBody(req, target));
}
