// The gateway's caller formats and their handlers, served by gateway-routes.ts.
import { anthropicFormat, anthropicMessagesRequestSchema, type AnthropicMessagesRequest } from "./formats/anthropic";
import { openAIChatRequestSchema, openAIFormat, type OpenAIChatRequest } from "./formats/openai";
import { responsesFormat, responsesRequestSchema, type ResponsesRequest } from "./formats/responses";
import type { CallerFormat } from "./formats/types";
import type { GatewayRequest, HeaderSource } from "./gateway-request";
import { handleChatRequest, type ChatEndpoint } from "./handle-chat-request";

export const openAIEndpoint: ChatEndpoint<OpenAIChatRequest> = { name: "openai", schema: openAIChatRequestSchema, format: openAIFormat };
export const anthropicEndpoint: ChatEndpoint<AnthropicMessagesRequest> = { name: "anthropic", schema: anthropicMessagesRequestSchema, format: anthropicFormat };
export const responsesEndpoint: ChatEndpoint<ResponsesRequest> = { name: "openai-responses", schema: responsesRequestSchema, format: responsesFormat };

/** Endpoints shared by both SDKs answer errors in the format of the SDK that called. */
export function callerFormatOf(headers: HeaderSource): CallerFormat<unknown> {
  return (headers.get("anthropic-version") !== null ? anthropicFormat : openAIFormat) as CallerFormat<unknown>;
}

export const handleChatCompletions = (request: GatewayRequest) => handleChatRequest(request, openAIEndpoint);
export const handleMessages = (request: GatewayRequest) => handleChatRequest(request, anthropicEndpoint);
export const handleResponses = (request: GatewayRequest) => handleChatRequest(request, responsesEndpoint);
