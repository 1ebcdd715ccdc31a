/**
 * Leave-one-source-out accuracy of the category classifier: for each source S, train on every
 * other source's training rows plus the synthetic template rows, then classify all of S's rows
 * (train and dev). It measures how well the classifier does on a prompt style it has never seen,
 * which is what a tenant's traffic is.
 */
import { DEFAULT_CLASSIFIER_OPTIONS, featurizeRow, fitClassifierWeights, labelsOf, toExamples, type ClassifierOptions, type LabelledRow } from "./build-classifier";
import { joinPrompts } from "./join-prompts";
import { scoreExample } from "./train-softmax";

export type RowFeatures = ReturnType<typeof featurizeRow>;

export interface LosoCategoryReport {
  perSource: Record<string, { rows: number; categories: string[]; accuracy: number }>;
  /** Mean of the per-source accuracies (every source counts once). */
  macro: number;
  /** Accuracy over all rows pooled. */
  pooled: number;
  min: number;
}

/** Cache of row features by id, so every fold and every candidate reuses them. */
export function featureCache(): (row: LabelledRow) => RowFeatures {
  const cache = new Map<string, RowFeatures>();
  return (row) => {
    let f = cache.get(row.id);
    if (!f) cache.set(row.id, (f = featurizeRow(row.prompt)));
    return f;
  };
}

/**
 * `train` and `test` are the labelled rows (test = held-out rows of every source, e.g. dev);
 * `synthetic` rows stay in every fold. `sources` limits the folds (all sources by default).
 */
export function losoCategory(
  train: LabelledRow[],
  test: LabelledRow[],
  synthetic: LabelledRow[],
  options: ClassifierOptions,
  features: (row: LabelledRow) => RowFeatures = featureCache(),
  sources: string[] = [...new Set([...train, ...test].map((r) => r.source))].sort(),
): LosoCategoryReport {
  const perSource: LosoCategoryReport["perSource"] = {};
  let correct = 0;
  let total = 0;
  // Joined within one source each, so a fold drops the held-out source's joined rows with its rows.
  const joined = joinPrompts([...train, ...synthetic], options.joinedShare);
  for (const s of sources) {
    const tr = [...train.filter((r) => r.source !== s), ...synthetic, ...joined.filter((r) => r.source !== s)];
    const labels = labelsOf(tr);
    const w = fitClassifierWeights(toExamples(tr, labels, options, features), labels.length, options);
    const held = [...train, ...test].filter((r) => r.source === s);
    const out = new Float64Array(labels.length);
    let ok = 0;
    for (const r of held) {
      scoreExample(w, features(r), out);
      let best = 0;
      for (let k = 1; k < labels.length; k++) if (out[k]! > out[best]!) best = k;
      if (labels[best] === r.category) ok++;
    }
    perSource[s] = { rows: held.length, categories: [...new Set(held.map((r) => r.category))].sort(), accuracy: Number((ok / held.length).toFixed(4)) };
    correct += ok;
    total += held.length;
  }
  const acc = Object.values(perSource).map((v) => v.accuracy);
  return {
    perSource,
    macro: Number((acc.reduce((a, b) => a + b, 0) / Math.max(1, acc.length)).toFixed(4)),
    pooled: Number((correct / Math.max(1, total)).toFixed(4)),
    min: Math.min(...acc),
  };
}

/** Joint training of n-grams and heuristics with the earlier default regularisation (the default until stacking). */
const JOINT: ClassifierOptions = { ...DEFAULT_CLASSIFIER_OPTIONS, l2: 1e-5, denseL2: 1e-5, stackGroups: 0 };

/**
 * The classifier settings the leave-one-source-out selection compares. The first is the default;
 * the others vary what governs transfer to an unseen style: how often the heuristics must stand
 * alone (sparseDropout), regularisation (a stronger L2; a stronger one still on the heuristics,
 * so that say many numbers alone do not make a prompt maths), joined long prompts, and stacked
 * training (the n-grams weighed by how they do on sources they did not see), alone or averaged
 * with the joint model.
 */
export const CLASSIFIER_CANDIDATES: ClassifierOptions[] = [
  DEFAULT_CLASSIFIER_OPTIONS,
  JOINT,
  { ...JOINT, sparseDropout: 0.5 },
  { ...JOINT, l2: 1e-4, denseL2: 1e-4 },
  { ...JOINT, l2: 1e-4, denseL2: 1e-2, joinedShare: 0.4 },
  { ...JOINT, l2: 1e-4, denseL2: 3e-3, joinedShare: 0.4 },
  { ...JOINT, stackGroups: 4, stackShare: 0.7 },
  { ...DEFAULT_CLASSIFIER_OPTIONS, stackShare: 0.5 },
  { ...DEFAULT_CLASSIFIER_OPTIONS, stackShare: 1 },
];

/**
 * Pick the candidate with the best macro accuracy among those with no source under 0.60 (all
 * candidates when none qualifies), ties to the higher minimum. Candidates keep their order.
 */
export function chooseClassifierOptions<T extends Pick<LosoCategoryReport, "macro" | "min">>(scored: T[]): T {
  const floor = scored.filter((c) => c.min >= 0.6);
  const pool = floor.length > 0 ? floor : scored;
  return [...pool].sort((a, b) => b.macro - a.macro || b.min - a.min)[0]!;
}
