import type { ProviderAdapter } from "../types";
import { errorFromResponse } from "../upstream-error";
import { buildAnthropicRequest } from "./build-request";
import { mapAnthropicStreamEvent, parseAnthropicResponse } from "./parse-response";

export const anthropicAdapter: ProviderAdapter = {
  id: "anthropic",
  // json_schema is enforced (output_config.format); json_object only asked for by instruction.
  supports: ["tools", "images", "json_object", "json_schema", "stop", "top_p", "streaming"],
  buildRequest: buildAnthropicRequest,
  parseResponse: parseAnthropicResponse,
  mapStreamEvent: mapAnthropicStreamEvent,
  mapError: (status, bodyText, headers) => errorFromResponse("anthropic", status, bodyText, headers),
};
