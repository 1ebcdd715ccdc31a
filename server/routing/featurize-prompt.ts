import { addTextFeatures, type FeatureSink } from "./hash-features";
import { computeHeuristics } from "./compute-heuristics";

/** Weight of the context namespace (system prompt, tools, previous user turn) relative to the last user turn. */
export const CONTEXT_WEIGHT = 0.4;

/** Features for the category classifier; identical in training and inference. */
export function featurizePrompt(user: string, context: string, sink: FeatureSink, dense: Float32Array): void {
  sink.n = 0;
  addTextFeatures(user, 1, sink);
  addTextFeatures(context, CONTEXT_WEIGHT, sink);
  computeHeuristics(user, dense);
}
