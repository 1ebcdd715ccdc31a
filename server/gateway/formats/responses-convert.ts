import type { ChatMessage, ChatRequest, ChatResponse, FinishReason, ImagePart, TextPart, Usage } from "@/server/providers/types";
import { textOf, toImagePart } from "./openai-convert";
import type { ResponsesRequest } from "./responses-schema";
import { toRoutingView } from "./to-routing-view";
import type { CanonicalInput, ResponseMeta } from "./types";
import { costField } from "./usage-cost-field";

type InputItem = Exclude<ResponsesRequest["input"], string>[number];

/** Consecutive function calls of one assistant turn become one canonical assistant message. */
function appendToAssistant(messages: ChatMessage[], part: ChatMessage["content"][number] & { type: "text" | "tool_call" }): void {
  const last = messages[messages.length - 1];
  if (last?.role === "assistant") last.content.push(part);
  else messages.push({ role: "assistant", content: [part] });
}

/** `instructions` and system or developer messages become the canonical system prompt; the items, in order, the conversation. */
export function toCanonical(body: ResponsesRequest): CanonicalInput {
  const system: string[] = body.instructions ? [body.instructions] : [];
  const messages: ChatMessage[] = [];
  const items: InputItem[] = typeof body.input === "string" ? [{ role: "user", content: body.input }] : body.input;
  for (const item of items) {
    if ("role" in item) {
      if (item.role === "system" || item.role === "developer") system.push(textOf(item.content));
      else if (item.role === "assistant") {
        const text = textOf(item.content);
        if (text) appendToAssistant(messages, { type: "text", text });
      } else {
        const parts =
          typeof item.content === "string"
            ? [{ type: "text" as const, text: item.content }]
            : item.content.map((p): TextPart | ImagePart => (p.type === "input_image" ? toImagePart(p.image_url) : { type: "text", text: textOf([p]) }));
        messages.push({ role: "user", content: parts });
      }
    } else if (item.type === "function_call") {
      appendToAssistant(messages, { type: "tool_call", id: item.call_id, name: item.name, arguments: item.arguments });
    } else if (item.type === "function_call_output") {
      const last = messages[messages.length - 1];
      const result = { type: "tool_result" as const, toolCallId: item.call_id, content: textOf(item.output) };
      if (last?.role === "tool") last.content.push(result);
      else messages.push({ role: "tool", content: [result] });
    }
  }
  const request: ChatRequest = { messages, stream: body.stream === true };
  if (system.length) request.system = system.join("\n\n");
  if (body.tools?.length) {
    request.tools = body.tools.map((t) => ({
      name: t.name,
      ...(t.description == null ? {} : { description: t.description }),
      parameters: t.parameters ?? { type: "object", properties: {} },
    }));
  }
  if (body.tool_choice !== undefined) request.toolChoice = typeof body.tool_choice === "string" ? body.tool_choice : { name: body.tool_choice.name };
  if (body.max_output_tokens != null) request.maxTokens = body.max_output_tokens;
  if (body.temperature != null) request.temperature = body.temperature;
  if (body.top_p != null) request.topP = body.top_p;
  const format = body.text?.format;
  if (format && format.type !== "text") {
    request.responseFormat =
      format.type === "json_schema" ? { type: "json_schema", name: format.name, schema: format.schema, ...(format.strict == null ? {} : { strict: format.strict }) } : format;
  }
  if (body.reasoning?.effort != null) request.reasoningEffort = body.reasoning.effort;
  if (body.user !== undefined) request.user = body.user;
  if (body.metadata !== undefined) request.metadata = body.metadata;
  return { model: body.model, request, view: toRoutingView(request) };
}

/** A turn cut by the token limit or a filter is "incomplete", with the reason; anything else completed. */
export function statusOf(reason: FinishReason | null) {
  if (reason === "length") return { status: "incomplete" as const, incomplete_details: { reason: "max_output_tokens" } };
  if (reason === "content_filter") return { status: "incomplete" as const, incomplete_details: { reason: "content_filter" } };
  return { status: "completed" as const, incomplete_details: null };
}

export function toResponsesUsage(usage: Usage, meta: ResponseMeta) {
  return {
    input_tokens: usage.inputTokens,
    input_tokens_details: { cached_tokens: usage.cachedInputTokens ?? 0 },
    output_tokens: usage.outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.inputTokens + usage.outputTokens,
    ...costField(meta, usage),
  };
}

export const messageItemId = (responseId: string) => `msg_${responseId}`;
export const functionCallItemId = (callId: string) => `fc_${callId}`;

export function messageOutput(responseId: string, text: string) {
  return { type: "message", id: messageItemId(responseId), status: "completed", role: "assistant", content: [{ type: "output_text", text, annotations: [], logprobs: [] }] };
}

export function functionCallOutput(call: { id: string; name: string; arguments: string }) {
  return { type: "function_call", id: functionCallItemId(call.id), call_id: call.id, name: call.name, arguments: call.arguments, status: "completed" };
}

/** The response object, as `POST /v1/responses` returns it and `response.completed` carries it. */
export function responseObject(meta: ResponseMeta, state: { finishReason: FinishReason | null; output: unknown[]; usage: Usage | null }) {
  return {
    id: meta.id,
    object: "response",
    created_at: meta.created,
    ...statusOf(state.finishReason),
    error: null,
    model: meta.model,
    output: state.output,
    parallel_tool_calls: true,
    previous_response_id: null,
    store: false,
    usage: state.usage ? toResponsesUsage(state.usage, meta) : null,
  };
}

export function fromCanonical(response: ChatResponse, meta: ResponseMeta) {
  const output = [...(response.content ? [messageOutput(meta.id, response.content)] : []), ...response.toolCalls.map(functionCallOutput)];
  return responseObject(meta, { finishReason: response.finishReason, output, usage: response.usage });
}
