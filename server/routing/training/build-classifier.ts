import { createSink } from "../hash-features";
import { HEURISTIC_COUNT, HEURISTIC_NAMES } from "../compute-heuristics";
import { extractPromptText } from "../extract-prompt-text";
import { featurizePrompt } from "../featurize-prompt";
import { FEATURE_BUCKETS } from "../hash-features";
import { decodeLinear, encodeLinear, type LinearArtefact } from "../model-codec";
import { joinPrompts } from "./join-prompts";
import { fitTemperature, scoreExample, trainLinear, type SparseExample } from "./train-softmax";
import { mixLinear, sourceGroup, trainStacked, type GroupedExample } from "./stack-classifier";

export interface LabelledRow {
  id: string;
  category: string;
  source: string;
  prompt: string;
}

export interface ClassifierArtefact extends LinearArtefact {
  format: "switchyard-category-classifier";
  version: number;
  trainingData: { sha256: string; rows: number; augmentedRows: number };
  labels: string[];
  heuristics: string[];
  temperature: number;
}

export const CLASSIFIER_VERSION = 2;

export const DEFAULT_CLASSIFIER_OPTIONS = {
  epochs: 6,
  learningRate: 0.2,
  l2: 1e-4,
  /** L2 on the dense heuristic weights (a candidate tries stronger, so no single cue decides alone). */
  denseL2: 1e-4,
  seed: 20260301,
  /**
   * Per-(category, source) count^-alpha example weighting. 1 = every source (and every synthetic
   * template family) carries the same total weight within its category, so no single source's
   * idiom dominates; chosen by leave-one-source-out accuracy.
   */
  sourceAlpha: 1,
  /** Chance of hiding an example's hashed n-grams for an epoch so the heuristics learn to stand alone. */
  sparseDropout: 0.3,
  /** Joined prompts added per (category, source) group, as a share of its rows (see join-prompts.ts). */
  joinedShare: 0,
  /** Source groups for stacked training (see stack-classifier.ts); 0 trains n-grams and heuristics jointly. */
  stackGroups: 4,
  /** Scale of the n-gram logits as the stacked combiner's inputs. */
  stackScale: 0.25,
  /** With stacking, its share of the logits; the rest comes from the jointly trained model. */
  stackShare: 0.7,
};
export type ClassifierOptions = typeof DEFAULT_CLASSIFIER_OPTIONS;

export function featurizeRow(prompt: string): Omit<SparseExample, "label" | "weight"> {
  const text = extractPromptText({ messages: [{ role: "user", content: prompt }] });
  const sink = createSink(4096);
  const dense = new Float32Array(HEURISTIC_COUNT);
  featurizePrompt(text.user, text.context, sink, dense);
  return { idx: sink.idx.slice(0, sink.n), val: sink.val.slice(0, sink.n), dense };
}

export function labelsOf(rows: LabelledRow[]): string[] {
  return [...new Set(rows.map((r) => r.category))].sort();
}

/** Training weight of each row (see `sourceAlpha`); each category carries the same total weight, mean 1. */
export function exampleWeights(rows: LabelledRow[], labels: string[], sourceAlpha: number): number[] {
  const groupCount = new Map<string, number>();
  for (const r of rows) groupCount.set(`${r.category}\u0000${r.source}`, (groupCount.get(`${r.category}\u0000${r.source}`) ?? 0) + 1);
  const raw = rows.map((r) => Math.pow(groupCount.get(`${r.category}\u0000${r.source}`)!, -sourceAlpha));
  const perClass = new Map<string, number>();
  rows.forEach((r, i) => perClass.set(r.category, (perClass.get(r.category) ?? 0) + raw[i]!));
  const target = rows.length / labels.length;
  return rows.map((r, i) => (raw[i]! * target) / perClass.get(r.category)!);
}

/** Training examples of `rows`; `features` lets leave-one-source-out reuse each row's features across folds. */
export function toExamples(
  rows: LabelledRow[],
  labels: string[],
  options: ClassifierOptions,
  features: (row: LabelledRow) => Omit<SparseExample, "label" | "weight"> = (r) => featurizeRow(r.prompt),
): GroupedExample[] {
  const weights = exampleWeights(rows, labels, options.sourceAlpha);
  return rows.map((r, i) => ({ ...features(r), label: labels.indexOf(r.category), weight: weights[i]!, group: exampleGroup(r, options) }));
}

/** The row's source group for stacked training (0 when training is joint). */
export function exampleGroup(row: LabelledRow, options: ClassifierOptions): number {
  return options.stackGroups > 0 ? sourceGroup(row.source, options.stackGroups) : 0;
}

/** The classifier's softmax weights over its feature space, trained with `options`. */
export function fitClassifierWeights(examples: GroupedExample[], classes: number, options: ClassifierOptions) {
  const train = {
    classes,
    buckets: FEATURE_BUCKETS,
    dense: HEURISTIC_COUNT,
    epochs: options.epochs,
    learningRate: options.learningRate,
    l2: options.l2,
    denseL2: options.denseL2,
    seed: options.seed,
    sparseDropout: options.sparseDropout,
  };
  if (options.stackGroups === 0) return trainLinear(examples, train);
  const stacked = trainStacked(examples, train, { groups: options.stackGroups, scale: options.stackScale });
  return options.stackShare >= 1 ? stacked : mixLinear(stacked, trainLinear(examples, train), options.stackShare);
}

export interface TrainedClassifier {
  artefact: ClassifierArtefact;
}

/** Train on `train`, quantise, then fit the temperature on `calibration` (e.g. dev). Deterministic. */
export function trainClassifier(
  train: LabelledRow[],
  calibration: LabelledRow[],
  meta: { sha256: string; augmentedRows: number },
  options: ClassifierOptions = DEFAULT_CLASSIFIER_OPTIONS,
): ClassifierArtefact {
  const labels = labelsOf(train);
  const rows = [...train, ...joinPrompts(train, options.joinedShare)];
  const weights = fitClassifierWeights(toExamples(rows, labels, options), labels.length, options);
  const encoded = encodeLinear(weights);
  const decoded = decodeLinear(encoded);
  const calib = calibration.filter((r) => labels.includes(r.category));
  const logits = calib.map((r) => {
    const out = new Float64Array(labels.length);
    scoreExample(decoded, featurizeRow(r.prompt), out);
    return out;
  });
  const temperature = calib.length > 0 ? fitTemperature(logits, calib.map((r) => labels.indexOf(r.category)), labels.length) : 1;
  return {
    format: "switchyard-category-classifier",
    version: CLASSIFIER_VERSION,
    trainingData: { sha256: meta.sha256, rows: train.length, augmentedRows: meta.augmentedRows },
    labels,
    heuristics: [...HEURISTIC_NAMES],
    temperature,
    ...encoded,
  };
}
