import type { ProviderAdapter } from "../types";
import { errorFromResponse, extractErrorMessage } from "../upstream-error";
import { buildGeminiRequest } from "./build-request";
import { mapGeminiStreamEvent, parseGeminiResponse } from "./parse-response";

export const geminiAdapter: ProviderAdapter = {
  id: "google",
  supports: ["tools", "images", "json_object", "json_schema", "stop", "top_p", "streaming"],
  buildRequest: buildGeminiRequest,
  parseResponse: parseGeminiResponse,
  mapStreamEvent: mapGeminiStreamEvent,
  mapError: (status, bodyText, headers) => errorFromResponse("google", status, extractErrorMessage(bodyText), headers),
};
