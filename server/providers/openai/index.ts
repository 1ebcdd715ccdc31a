import type { ProviderAdapter } from "../types";
import { errorFromResponse } from "../upstream-error";
import { buildOpenAIRequest } from "./build-request";
import { createOpenAIEmbeddings } from "./embeddings";
import { mapOpenAIStreamEvent, parseOpenAIResponse } from "./parse-response";

export const openaiAdapter: ProviderAdapter = {
  id: "openai",
  supports: ["tools", "images", "json_object", "json_schema", "stop", "top_p", "streaming"],
  buildRequest: (req, target) => buildOpenAIRequest(req, target, "max_completion_tokens"),
  parseResponse: parseOpenAIResponse,
  mapStreamEvent: mapOpenAIStreamEvent,
  mapError: (status, bodyText, headers) => errorFromResponse("openai", status, bodyText, headers),
  embeddings: createOpenAIEmbeddings("openai"),
};
