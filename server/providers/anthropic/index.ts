import type { ProviderAdapter } from "../types";
import { errorFromResponse } from "../upstream-error";
import { buildAnthropicRequest } from "./build-request";
import { mapAnthropicStreamEvent, parseAnthropicResponse } from "./parse-response";

export const anthropicAdapter: ProviderAdapter = {
  id: "anthropic",
  // JSON output is requested by instruction, not enforced, so json_schema is not claimed.
  supports: ["tools", "images", "json_object", "stop", "top_p", "streaming"],
  buildRequest: buildAnthropicRequest,
  parseResponse: parseAnthropicResponse,
  mapStreamEvent: mapAnthropicStreamEvent,
  mapError: (status, bodyText, headers) => errorFromResponse("anthropic", status, bodyText, headers),
};
