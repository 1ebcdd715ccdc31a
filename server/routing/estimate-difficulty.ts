import { createSink, type FeatureSink } from "./hash-features";
import { HEURISTIC_COUNT } from "./compute-heuristics";
import { DIFFICULTY_DENSE_COUNT, DIFFICULTY_TEXT_WEIGHT, difficultyExtras } from "./difficulty-features";
import { extractPromptText } from "./extract-prompt-text";
import { featurizePrompt } from "./featurize-prompt";
import { getDifficultyModel, type DifficultyModel } from "./load-model";

const sink = createSink(1 << 14);
const dense = new Float32Array(DIFFICULTY_DENSE_COUNT);
const heur = new Float32Array(HEURISTIC_COUNT);
/** The dense difficulty cues of the last `difficultyFromFeatures` call (read by the learned difficulty). */
export const lastDifficultyDense: Float32Array = dense;

/** Map a raw score to [0,1] through the stored training-score percentiles (piecewise linear). */
export function scoreToDifficulty(score: number, q: readonly number[]): number {
  if (q.length < 2) return 0.5;
  if (score <= q[0]!) return 0;
  if (score >= q[q.length - 1]!) return 1;
  for (let i = 1; i < q.length; i++) {
    if (score <= q[i]!) {
      const lo = q[i - 1]!;
      const hi = q[i]!;
      const f = hi > lo ? (score - lo) / (hi - lo) : 0.5;
      return (i - 1 + f) / (q.length - 1);
    }
  }
  return 1;
}

/**
 * Difficulty in [0,1]: the percentile, among reference prompts, of the estimated probability that a
 * weaker model answers wrongly. 0.8 means "harder than 80 % of the reference prompts".
 */
export function estimateDifficulty(prompt: string, model: DifficultyModel = getDifficultyModel()): number {
  const text = extractPromptText({ messages: [{ role: "user", content: prompt }] });
  const n = featurizePrompt(text.user, "", sink, heur);
  return difficultyFromFeatures(text.user, sink, n, heur, model);
}

/**
 * Difficulty from features the classifier already computed for the (truncated) last user turn:
 * the first `userCount` sparse features of `features` and the shared heuristics.
 */
export function difficultyFromFeatures(
  user: string,
  features: FeatureSink,
  userCount: number,
  heuristics: Float32Array,
  model: DifficultyModel = getDifficultyModel(),
  /** Σ weight × value over the user features, when already computed (the classifier's fused pass). */
  sparseSum?: number,
): number {
  if (user.trim() === "") return 0;
  dense.set(heuristics);
  difficultyExtras(user, dense);
  const w = model.weights;
  const mask = w.buckets - 1;
  let s = 0;
  if (sparseSum !== undefined) s = sparseSum;
  else for (let i = 0; i < userCount; i++) s += w.sparse[features.idx[i]! & mask]! * features.val[i]!;
  s = s * DIFFICULTY_TEXT_WEIGHT + w.bias[0]!;
  // An artefact trained before cues were appended weighs only the cues it knows.
  const nd = Math.min(dense.length, w.denseW.length);
  for (let j = 0; j < nd; j++) s += w.denseW[j]! * dense[j]!;
  return Math.round(scoreToDifficulty(s, model.quantiles) * 1000) / 1000;
}

/**
 * Relative size of the quality gap between a stronger and a weaker model at this difficulty
 * (1 = the average gap, 0 = no gap), interpolated from the artefact's out-of-fold gap curve.
 */
export function relativeQualityGap(difficulty: number, model: DifficultyModel = getDifficultyModel()): number {
  const c = model.gapCurve;
  if (c.length === 0) return 1;
  if (difficulty <= c[0]![0]) return c[0]![1];
  for (let i = 1; i < c.length; i++) {
    const [x1, y1] = c[i]!;
    if (difficulty <= x1) {
      const [x0, y0] = c[i - 1]!;
      return y0 + ((y1 - y0) * (difficulty - x0)) / Math.max(1e-9, x1 - x0);
    }
  }
  return c[c.length - 1]![1];
}
