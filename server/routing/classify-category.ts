import { createSink } from "./hash-features";
import { HEURISTIC_COUNT } from "./compute-heuristics";
import { featurizePrompt } from "./featurize-prompt";
import { getClassifierModel, type ClassifierModel } from "./load-model";
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
export const lastFeatures = { sink, dense, userCount: () => userCount };

/** Calibrated category probabilities for a prompt (temperature-scaled softmax of a linear model). */
export function classifyCategory(text: Pick<PromptText, "user" | "context">, model: ClassifierModel = getClassifierModel()): CategoryPrediction {
  const { labels, temperature, weights: w } = model;
  const K = labels.length;
  userCount = featurizePrompt(text.user, text.context, sink, dense);
  if (text.user.trim() === "" && text.context.trim() === "") {
    // Nothing to classify: a uniform, low-confidence answer lets the policy default apply.
    const p = 1 / K;
    return { category: labels[0]!, confidence: p, probabilities: Object.fromEntries(labels.map((l) => [l, p])) };
  }
  const s = new Float64Array(K);
  for (let k = 0; k < K; k++) s[k] = w.bias[k]!;
  const mask = w.buckets - 1;
  const { idx, val, n } = sink;
  const sp = w.sparse;
  for (let i = 0; i < n; i++) {
    const base = (idx[i]! & mask) * K;
    const v = val[i]!;
    for (let k = 0; k < K; k++) s[k] = s[k]! + sp[base + k]! * v;
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
