import { createSink } from "./hash-features";
import { HEURISTIC_COUNT } from "./compute-heuristics";
import { featurizePrompt } from "./featurize-prompt";
import { fusedWeights } from "./fused-weights";
import { getClassifierModel, getDifficultyModel, type ClassifierModel } from "./load-model";
import type { DecodedLinear } from "./model-codec";
import type { PromptText } from "./extract-prompt-text";

export interface CategoryPrediction {
  category: string;
  confidence: number;
  /** Calibrated probability per label, in the model's label order. */
  probabilities: Record<string, number>;
}

// Scratch buffers reused across calls (not observable from outside; keeps the hot path allocation-light).
// The last call's features stay readable through `lastFeatures` so difficulty can reuse them.
const sink = createSink(1 << 14);
const dense = new Float32Array(HEURISTIC_COUNT);
let userCount = 0;
// Sparse difficulty sum over the user features, computed alongside the classifier's (see fused-weights.ts).
let difficultySparse = 0;
let difficultySparseOf: DecodedLinear | null = null;
export const lastFeatures = {
  sink,
  dense,
  userCount: () => userCount,
  /** Σ weight × value over the user features for these difficulty weights, when the last call computed it. */
  difficultySparse: (weights: DecodedLinear): number | undefined => (difficultySparseOf === weights ? difficultySparse : undefined),
};

/** Calibrated category probabilities for a prompt (temperature-scaled softmax of a linear model). */
export function classifyCategory(text: Pick<PromptText, "user" | "context">, model: ClassifierModel = getClassifierModel()): CategoryPrediction {
  const { labels, temperature, weights: w } = model;
  const K = labels.length;
  userCount = featurizePrompt(text.user, text.context, sink, dense);
  difficultySparseOf = null;
  if (text.user.trim() === "" && text.context.trim() === "") {
    // Nothing to classify: a uniform, low-confidence answer lets the policy default apply.
    const p = 1 / K;
    return { category: labels[0]!, confidence: p, probabilities: Object.fromEntries(labels.map((l) => [l, p])) };
  }
  const s = new Float64Array(K);
  for (let k = 0; k < K; k++) s[k] = w.bias[k]!;
  const { idx, val, n } = sink;
  const fused = fusedWeights(w, getDifficultyModel().weights);
  if (fused) {
    // One int16 row per feature serves the classifier and the difficulty model.
    const t = fused.table;
    const mask = fused.mask;
    const uc = userCount;
    let d = 0;
    if (K === 5) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
      for (let i = 0; i < n; i++) {
        const b = (idx[i]! & mask) << 3;
        const v = val[i]!;
        s0 += t[b]! * v;
        s1 += t[b + 1]! * v;
        s2 += t[b + 2]! * v;
        s3 += t[b + 3]! * v;
        s4 += t[b + 4]! * v;
        if (i < uc) d += t[b + 5]! * v;
      }
      const cs = fused.classifierScale;
      s[0] = s[0]! + s0 * cs;
      s[1] = s[1]! + s1 * cs;
      s[2] = s[2]! + s2 * cs;
      s[3] = s[3]! + s3 * cs;
      s[4] = s[4]! + s4 * cs;
    } else {
      const acc = new Float64Array(K);
      const st = fused.stride;
      for (let i = 0; i < n; i++) {
        const b = (idx[i]! & mask) * st;
        const v = val[i]!;
        for (let k = 0; k < K; k++) acc[k] = acc[k]! + t[b + k]! * v;
        if (i < uc) d += t[b + K]! * v;
      }
      for (let k = 0; k < K; k++) s[k] = s[k]! + acc[k]! * fused.classifierScale;
    }
    difficultySparse = d * fused.difficultyScale;
    difficultySparseOf = fused.difficulty;
  } else {
    const mask = w.buckets - 1;
    const sp = w.sparse;
    for (let i = 0; i < n; i++) {
      const base = (idx[i]! & mask) * K;
      const v = val[i]!;
      for (let k = 0; k < K; k++) s[k] = s[k]! + sp[base + k]! * v;
    }
  }
  for (let j = 0; j < dense.length; j++) {
    const v = dense[j]!;
    if (v === 0) continue;
    for (let k = 0; k < K; k++) s[k] = s[k]! + w.denseW[j * K + k]! * v;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, s[k]! / temperature);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    s[k] = Math.exp(s[k]! / temperature - max);
    sum += s[k]!;
  }
  let best = 0;
  const probabilities: Record<string, number> = {};
  for (let k = 0; k < K; k++) {
    s[k] = s[k]! / sum;
    probabilities[labels[k]!] = s[k]!;
    if (s[k]! > s[best]!) best = k;
  }
  return { category: labels[best]!, confidence: s[best]!, probabilities };
}
