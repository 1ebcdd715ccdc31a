import { openaiAdapter } from "../openai";
import { buildOpenAIRequest } from "../openai/build-request";
import { createOpenAIEmbeddings } from "../openai/embeddings";
import type { ProviderAdapter } from "../types";
import { errorFromResponse } from "../upstream-error";

/**
 * vLLM, Ollama, GLM and friends speak the OpenAI wire format at another base URL.
 * Images and json_schema depend on the served model, so they are not promised here.
 */
export const openaiCompatibleAdapter: ProviderAdapter = {
  ...openaiAdapter,
  id: "openai-compatible",
  supports: ["tools", "json_object", "stop", "top_p", "streaming"],
  buildRequest: (req, target) => buildOpenAIRequest(req, target, "max_tokens"),
  mapError: (status, bodyText, headers) =>
    errorFromResponse("openai-compatible", status, bodyText, headers),
  embeddings: createOpenAIEmbeddings("openai-compatible"),
};
