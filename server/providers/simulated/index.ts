import type { EmbeddingResult } from "../embeddings";
import type { ChatResponse, ProviderAdapter, SSEEvent, StreamEvent, StreamState } from "../types";
import { errorFromResponse } from "../upstream-error";
import { simulateEmbeddings } from "./embed";
import { simulate, simulateStream, type SimulationSettings } from "./simulate";

export { simulate, simulateStream, planSimulation, DEFAULT_SIMULATION } from "./simulate";
export { countRequestTokens, countTextTokens, loadTokenizer } from "./count-tokens";
export type { SimulateOptions, SimulationSettings } from "./simulate";
export type { SimulatedChange } from "./simulated-changes";

/**
 * The simulated provider answers in process through `invoke`. Its wire form, should it ever
 * be served over HTTP, is the canonical form itself, which keeps the rest of the contract honest.
 */
export function createSimulatedAdapter(settings: Partial<SimulationSettings> = {}): ProviderAdapter {
  return {
    id: "simulated",
    supports: ["tools", "images", "json_object", "json_schema", "stop", "top_p", "streaming"],
    buildRequest: (req, target) => ({
      url: `${target.baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(target.providerModelId)}`,
      init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(req) },
    }),
    parseResponse: (json) => json as ChatResponse,
    mapStreamEvent: (sse: SSEEvent, state: StreamState) => {
      const event = JSON.parse(sse.data) as StreamEvent;
      if (event.type === "usage") state.terminated = true;
      return [event];
    },
    mapError: (status, bodyText, headers) => errorFromResponse("simulated", status, bodyText, headers),
    invoke: async (req, target, { signal }) => {
      const options = { ...settings, model: target.providerModelId, signal };
      return target.stream ? simulateStream(req, options) : simulate(req, options);
    },
    embeddings: {
      buildRequest: (req, target) => ({
        url: `${target.baseUrl.replace(/\/+$/, "")}/${encodeURIComponent(target.providerModelId)}/embeddings`,
        init: { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(req) },
      }),
      parseResponse: (json) => json as EmbeddingResult,
      invoke: (req, target) => simulateEmbeddings(req, target.providerModelId),
    },
  };
}
