import type { ProviderAdapter } from "../types";
import { buildGeminiRequest } from "./build-request";
import { geminiEmbeddings } from "./embeddings";
import { mapGeminiError } from "./map-error";
import { mapGeminiStreamEvent, parseGeminiResponse } from "./parse-response";

export const geminiAdapter: ProviderAdapter = {
  id: "google",
  supports: ["tools", "images", "json_object", "json_schema", "stop", "top_p", "streaming"],
  buildRequest: buildGeminiRequest,
  parseResponse: parseGeminiResponse,
  mapStreamEvent: mapGeminiStreamEvent,
  mapError: mapGeminiError,
  embeddings: geminiEmbeddings,
};
