import type { ChatMessage, ChatRequest, ImagePart, ProviderTarget, TextPart, UpstreamRequest } from "../types";

type WireContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string } };

type WireMessage = Record<string, unknown> & { role: string };

function toContentPart(part: TextPart | ImagePart): WireContentPart {
  if (part.type === "text") return { type: "text", text: part.text };
  const { source } = part;
  const url = source.kind === "url" ? source.url : `data:${source.mediaType};base64,${source.data}`;
  return { type: "image_url", image_url: { url } };
}

function toWireMessages(message: ChatMessage): WireMessage[] {
  if (message.role === "tool") {
    return message.content.map((r) => ({ role: "tool", tool_call_id: r.toolCallId, content: r.content }));
  }
  if (message.role === "user") {
    const onlyText = message.content.every((p) => p.type === "text");
    const content = onlyText
      ? message.content.map((p) => (p as TextPart).text).join("")
      : message.content.map(toContentPart);
    return [{ role: "user", content }];
  }
  const text = message.content.flatMap((p) => (p.type === "text" ? [p.text] : [])).join("");
  const toolCalls = message.content.flatMap((p) =>
    p.type === "tool_call"
      ? [{ id: p.id, type: "function", function: { name: p.name, arguments: p.arguments } }]
      : [],
  );
  const wire: WireMessage = { role: "assistant", content: text === "" && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) wire.tool_calls = toolCalls;
  return [wire];
}

function toResponseFormat(format: ChatRequest["responseFormat"]) {
  if (!format || format.type !== "json_schema") return format;
  return {
    type: "json_schema",
    json_schema: { name: format.name, schema: format.schema, ...(format.strict === undefined ? {} : { strict: format.strict }) },
  };
}

/**
 * OpenAI's reasoning models reject `max_tokens`; most OpenAI-compatible servers (vLLM, Ollama,
 * GLM) only know `max_tokens`.
 */
export type MaxTokensField = "max_completion_tokens" | "max_tokens";

export function buildOpenAIBody(req: ChatRequest, target: ProviderTarget, maxTokensField: MaxTokensField): Record<string, unknown> {
  const messages: WireMessage[] = req.system ? [{ role: "system", content: req.system }] : [];
  messages.push(...req.messages.flatMap(toWireMessages));
  const body: Record<string, unknown> = { model: target.providerModelId, messages };
  if (req.tools?.length) {
    body.tools = req.tools.map((t) => ({
      type: "function",
      function: { name: t.name, ...(t.description ? { description: t.description } : {}), parameters: t.parameters },
    }));
  }
  if (req.toolChoice !== undefined) {
    body.tool_choice =
      typeof req.toolChoice === "string" ? req.toolChoice : { type: "function", function: { name: req.toolChoice.name } };
  }
  if (req.maxTokens !== undefined) body[maxTokensField] = req.maxTokens;
  if (req.temperature !== undefined) body.temperature = req.temperature;
  if (req.topP !== undefined) body.top_p = req.topP;
  if (req.stop?.length) body.stop = req.stop;
  if (req.responseFormat) body.response_format = toResponseFormat(req.responseFormat);
  if (req.user !== undefined) body.user = req.user;
  if (req.reasoningEffort !== undefined) body.reasoning_effort = req.reasoningEffort;
  if (target.stream) {
    body.stream = true;
    // Without this, OpenAI-style streams carry no token counts and the request cannot be priced.
    body.stream_options = { include_usage: true };
  }
  return body;
}

export function buildOpenAIRequest(req: ChatRequest, target: ProviderTarget, maxTokensField: MaxTokensField): UpstreamRequest {
  return {
    url: `${target.baseUrl.replace(/\/+$/, "")}/chat/completions`,
    init: {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${target.apiKey}`,
        accept: target.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(buildOpenAIBody(req, target, maxTokensField)),
    },
  };
}
