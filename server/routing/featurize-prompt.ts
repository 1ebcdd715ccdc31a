import { addTextFeatures, type FeatureSink } from "./hash-features";
import { computeHeuristics } from "./compute-heuristics";

/** Weight of the context namespace (system prompt, tools, previous user turn) relative to the last user turn. */
export const CONTEXT_WEIGHT = 0.4;

/** Features for the category classifier; identical in training and inference. */
/** Returns how many of the sink's features come from `user` (they come first). */
export function featurizePrompt(user: string, context: string, sink: FeatureSink, dense: Float32Array): number {
  sink.n = 0;
  addTextFeatures(user, 1, sink);
  const userCount = sink.n;
  addTextFeatures(context, CONTEXT_WEIGHT, sink);
  computeHeuristics(user, dense);
  return userCount;
}
