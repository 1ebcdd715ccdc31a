import { buildOpenAIErrorBody } from "./openai-errors";
import { fromCanonical, toCanonical } from "./responses-convert";
import type { ResponsesRequest } from "./responses-schema";
import { createResponsesStreamEncoder } from "./responses-stream";
import type { CallerFormat } from "./types";

export { responsesRequestSchema, type ResponsesRequest } from "./responses-schema";

/** OpenAI's Responses API (POST /v1/responses); its errors have the Chat Completions shape. */
export const responsesFormat: CallerFormat<ResponsesRequest> = {
  toCanonical,
  fromCanonical,
  createStreamEncoder: createResponsesStreamEncoder,
  buildErrorBody: buildOpenAIErrorBody,
};
