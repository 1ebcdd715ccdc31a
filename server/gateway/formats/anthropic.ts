import { fromCanonical, toCanonical } from "./anthropic-convert";
import { buildAnthropicErrorBody } from "./anthropic-errors";
import type { AnthropicMessagesRequest } from "./anthropic-schema";
import { createAnthropicStreamEncoder } from "./anthropic-stream";
import type { CallerFormat } from "./types";

export { anthropicMessagesRequestSchema, type AnthropicMessagesRequest } from "./anthropic-schema";
export { toCanonical, fromCanonical } from "./anthropic-convert";
export { createAnthropicStreamEncoder } from "./anthropic-stream";
export { buildAnthropicErrorBody, anthropicErrorType } from "./anthropic-errors";

export const anthropicFormat: CallerFormat<AnthropicMessagesRequest> = {
  toCanonical,
  fromCanonical,
  createStreamEncoder: createAnthropicStreamEncoder,
  buildErrorBody: buildAnthropicErrorBody,
};
