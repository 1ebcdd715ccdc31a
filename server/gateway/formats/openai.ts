import { fromCanonical, toCanonical } from "./openai-convert";
import { buildOpenAIErrorBody } from "./openai-errors";
import type { OpenAIChatRequest } from "./openai-schema";
import { createOpenAIStreamEncoder } from "./openai-stream";
import type { CallerFormat } from "./types";

export { openAIChatRequestSchema, type OpenAIChatRequest } from "./openai-schema";
export { toCanonical, fromCanonical } from "./openai-convert";
export { createOpenAIStreamEncoder } from "./openai-stream";
export { buildOpenAIErrorBody } from "./openai-errors";

export const openAIFormat: CallerFormat<OpenAIChatRequest> = {
  toCanonical,
  fromCanonical,
  createStreamEncoder: createOpenAIStreamEncoder,
  buildErrorBody: buildOpenAIErrorBody,
};
