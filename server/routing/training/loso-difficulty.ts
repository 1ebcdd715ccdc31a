/**
 * Leave-one-source-out evaluation and fitting of the static difficulty estimator.
 *
 * Sources differ in their base rates (the weaker model is right 68 % of the time on one source and
 * 39 % on another), so a model trained on pooled rows learns to recognise the source instead of
 * the difficulty. Two remedies are options here: every source carries the same total weight, and
 * each training source gets its own intercept while training (dropped afterwards), so the shared
 * weights only explain differences within a source. The shipped setting keeps only the second:
 * equal weights let a small source's few rows dominate (see build-difficulty.ts).
 */
import { createSink } from "../hash-features";
import { DIFFICULTY_DENSE_COUNT, difficultyFeatures } from "../difficulty-features";
import { decodeLinear, encodeLinear, type DecodedLinear } from "../model-codec";
import { computeApgr } from "./metrics";
import { scoreExample, trainLinear, type LinearWeights, type SparseExample } from "./train-softmax";

export interface SourcedDifficultyRow {
  id: string;
  source: string;
  prompt: string;
  strong_correct: number;
  weak_correct: number;
}

export type DifficultyTarget = "weak_wrong" | "gap" | "blend";

export interface DifficultyFitOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** What the logistic model predicts (see `targetValue`). */
  target: DifficultyTarget;
  /** Every training source carries the same total weight. */
  balanceSources: boolean;
  /** A per-source intercept during training, discarded afterwards. */
  sourceIntercepts: boolean;
  /** Use the hashed n-grams as well as the dense cues (false: dense cues only). */
  sparse: boolean;
  /**
   * Keep only dense cues whose ranking points the same way, by at least this much APGR away from
   * chance, in every training source (0 = keep all). A cue that ranks difficulty one way in one
   * source and the other way in another describes the sources, not difficulty.
   */
  consistentCues: number;
  /**
   * How the kept cues are combined: "logistic" fits weights; "equal" gives every kept cue the
   * same weight after standardising it, with the sign it has in the training sources (a unit-
   * weighted linear model: it cannot fit one source's idiosyncrasies, so it transfers better);
   * "both" averages the two after scaling each to unit spread over the training rows (still one
   * linear model, so it costs the same per request).
   */
  combiner: "logistic" | "equal" | "both";
}

export const DIFFICULTY_BITS = 14;

/**
 * The training label in [0, 1] for a row:
 * - weak_wrong: the weaker model fails (where routing to the stronger one can matter at all);
 * - gap: (strong − weak + 1) / 2, so a prompt only the stronger model gets right is 1, one only the
 *   weaker gets right 0, and ties ½ (they carry no ranking information either way);
 * - blend: the mean of the two.
 * Graded outcomes (scores in [0, 1]) are used as they are.
 */
export function targetValue(row: Pick<SourcedDifficultyRow, "strong_correct" | "weak_correct">, target: DifficultyTarget): number {
  const weakWrong = 1 - row.weak_correct;
  const gap = (row.strong_correct - row.weak_correct + 1) / 2;
  if (target === "weak_wrong") return weakWrong;
  if (target === "gap") return gap;
  return (weakWrong + gap) / 2;
}

export interface DifficultyFeatures {
  idx: Int32Array;
  val: Float32Array;
  dense: Float32Array;
}

/** Features of a raw prompt as the routing hot path computes them (sparse indices masked to the artefact's size). */
export function difficultyFeaturesOf(prompt: string): DifficultyFeatures {
  const sink = createSink(4096);
  const dense = new Float32Array(DIFFICULTY_DENSE_COUNT);
  difficultyFeatures(prompt, sink, dense);
  const mask = (1 << DIFFICULTY_BITS) - 1;
  const idx = sink.idx.slice(0, sink.n);
  for (let i = 0; i < idx.length; i++) idx[i] = idx[i]! & mask;
  return { idx, val: sink.val.slice(0, sink.n), dense };
}

/** Normalised question text: lower-case words, first 24 of them; equal keys are the same question across sources. */
export function questionKey(prompt: string): string {
  return (prompt.toLowerCase().match(/[a-z0-9]+/g) ?? []).slice(0, 24).join(" ");
}

const EMPTY_IDX = new Int32Array(0);
const EMPTY_VAL = new Float32Array(0);

/**
 * Fit the linear difficulty model on `rows`. Deterministic for fixed options and row order.
 * `features` supplies (cached) features per row.
 */
export function fitDifficulty(
  rows: SourcedDifficultyRow[],
  features: (row: SourcedDifficultyRow) => DifficultyFeatures,
  opt: DifficultyFitOptions,
): DecodedLinear {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const count = new Map<string, number>();
  for (const r of rows) count.set(r.source, (count.get(r.source) ?? 0) + 1);
  const extra = opt.sourceIntercepts ? sources.length : 0;
  const keep = opt.consistentCues > 0 ? consistentCues(rows, features, opt.consistentCues) : null;
  if (opt.combiner === "equal") return equalWeights(rows, features, keep ?? new Array<number>(DIFFICULTY_DENSE_COUNT).fill(0), opt.balanceSources);
  if (opt.combiner === "both") {
    const fitted = fitDifficulty(rows, features, { ...opt, combiner: "logistic", consistentCues: 0 });
    const equal = equalWeights(rows, features, keep ?? consistentCues(rows, features, 0.03), opt.balanceSources);
    return averageScaled([fitted, equal], rows.map(features));
  }
  const examples: SparseExample[] = rows.map((r) => {
    const f = features(r);
    const dense = new Float32Array(DIFFICULTY_DENSE_COUNT + extra);
    dense.set(f.dense);
    if (keep) for (let j = 0; j < DIFFICULTY_DENSE_COUNT; j++) if (!keep[j]) dense[j] = 0;
    if (extra > 0) dense[DIFFICULTY_DENSE_COUNT + sources.indexOf(r.source)] = 1;
    const weight = opt.balanceSources ? rows.length / sources.length / count.get(r.source)! : 1;
    return {
      idx: opt.sparse ? f.idx : EMPTY_IDX,
      val: opt.sparse ? f.val : EMPTY_VAL,
      dense,
      label: targetValue(r, opt.target),
      weight,
    };
  });
  const trained = trainLinear(examples, {
    classes: 1,
    buckets: 1 << DIFFICULTY_BITS,
    dense: DIFFICULTY_DENSE_COUNT + extra,
    epochs: opt.epochs,
    learningRate: opt.learningRate,
    l2: opt.l2,
    seed: opt.seed,
  });
  // The source intercepts only served training; what ships is the shared part.
  const shipped: LinearWeights = { ...trained, dense: DIFFICULTY_DENSE_COUNT, denseW: trained.denseW.slice(0, DIFFICULTY_DENSE_COUNT) };
  if (extra > 0) {
    let mean = 0;
    for (let j = 0; j < extra; j++) mean += trained.denseW[DIFFICULTY_DENSE_COUNT + j]!;
    shipped.bias = Float32Array.of(trained.bias[0]! + mean / extra);
  }
  return decodeLinear(encodeLinear(shipped));
}

/**
 * Which dense cues rank the gap between the models the same way in every source of `rows`, each by
 * at least `margin` APGR away from chance.
 */
export function consistentCues(
  rows: SourcedDifficultyRow[],
  features: (row: SourcedDifficultyRow) => DifficultyFeatures,
  margin: number,
): number[] {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const keep: number[] = [];
  const bySource = sources.map((s) => rows.filter((r) => r.source === s));
  for (let j = 0; j < DIFFICULTY_DENSE_COUNT; j++) {
    let sign = 0;
    let ok = true;
    for (const part of bySource) {
      // Ties broken by position so a constant cue lands at chance, not at either end.
      const a = computeApgr(part.map((r, i) => features(r).dense[j]! + i * 1e-12), part.map((r) => r.strong_correct), part.map((r) => r.weak_correct));
      const d = a - 0.5;
      const sg = d >= margin ? 1 : d <= -margin ? -1 : 0;
      if (sg === 0 || (sign !== 0 && sg !== sign)) ok = false;
      sign = sg;
    }
    keep.push(ok ? sign : 0);
  }
  return keep;
}

/**
 * A unit-weighted linear model over the cues with a non-zero `sign`: each cue standardised over
 * `rows` (per-source means removed first, so a cue's level in one source does not count).
 */
function equalWeights(
  rows: SourcedDifficultyRow[],
  features: (row: SourcedDifficultyRow) => DifficultyFeatures,
  sign: number[],
  balanceSources: boolean,
): DecodedLinear {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const denseW = new Float32Array(DIFFICULTY_DENSE_COUNT);
  let bias = 0;
  for (let j = 0; j < DIFFICULTY_DENSE_COUNT; j++) {
    if (sign[j] === 0) continue;
    let mean = 0;
    let within = 0;
    let total = 0;
    for (const s of sources) {
      const part = rows.filter((r) => r.source === s);
      const w = balanceSources ? 1 / part.length : 1;
      let m = 0;
      for (const r of part) m += features(r).dense[j]!;
      m /= part.length;
      let v = 0;
      for (const r of part) v += (features(r).dense[j]! - m) ** 2;
      within += v * w;
      mean += m * part.length * w;
      total += part.length * w;
    }
    mean /= total;
    const sd = Math.sqrt(within / total);
    if (!(sd > 1e-6)) continue;
    denseW[j] = sign[j]! / sd;
    bias -= (sign[j]! * mean) / sd;
  }
  return decodeLinear(
    encodeLinear({
      classes: 1,
      buckets: 1 << DIFFICULTY_BITS,
      dense: DIFFICULTY_DENSE_COUNT,
      sparse: new Float32Array(1 << DIFFICULTY_BITS),
      denseW,
      bias: Float32Array.of(bias),
    }),
  );
}

/** Spread (standard deviation) of a model's raw scores over `feats`. */
function scoreSpread(w: DecodedLinear, feats: DifficultyFeatures[]): number {
  let sum = 0;
  let sq = 0;
  for (const f of feats) {
    const x = rawDifficultyScore(w, f);
    sum += x;
    sq += x * x;
  }
  const m = sum / feats.length;
  return Math.sqrt(Math.max(1e-12, sq / feats.length - m * m));
}

/** One linear model whose score is the mean of the models' scores, each divided by its spread. */
function averageScaled(models: DecodedLinear[], feats: DifficultyFeatures[]): DecodedLinear {
  const first = models[0]!;
  const sparse = new Float32Array(first.sparse.length);
  const denseW = new Float32Array(first.denseW.length);
  let bias = 0;
  for (const w of models) {
    const k = 1 / scoreSpread(w, feats) / models.length;
    for (let i = 0; i < sparse.length; i++) sparse[i] = sparse[i]! + w.sparse[i]! * k;
    for (let j = 0; j < denseW.length; j++) denseW[j] = denseW[j]! + w.denseW[j]! * k;
    bias += w.bias[0]! * k;
  }
  return decodeLinear(encodeLinear({ classes: 1, buckets: first.buckets, dense: first.dense, sparse, denseW, bias: Float32Array.of(bias) }));
}

/** Raw (pre-percentile) score of features under `w`. */
export function rawDifficultyScore(w: DecodedLinear, f: DifficultyFeatures): number {
  const out = new Float64Array(1);
  scoreExample(w, f, out);
  return out[0]!;
}

export interface LosoDifficultyReport {
  perSource: Record<string, { rows: number; trainRows: number; apgr: number }>;
  min: number;
  mean: number;
}

/**
 * One source held out: its rows to test on, and every other source's rows to train on except those
 * whose question the held-out source also asks (the same question in two sources would leak).
 */
export function heldOutSplit<T extends Pick<SourcedDifficultyRow, "source" | "prompt">>(rows: T[], source: string): { test: T[]; train: T[] } {
  const test = rows.filter((r) => r.source === source);
  const keys = new Set(test.map((r) => questionKey(r.prompt)));
  return { test, train: rows.filter((r) => r.source !== source && !keys.has(questionKey(r.prompt))) };
}

/**
 * For each source: train on every other source (minus rows whose question also appears in the
 * held-out source), then APGR of the held-out source's rows ranked by the raw score.
 */
export function losoDifficulty(
  rows: SourcedDifficultyRow[],
  features: (row: SourcedDifficultyRow) => DifficultyFeatures,
  opt: DifficultyFitOptions,
): LosoDifficultyReport {
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const perSource: LosoDifficultyReport["perSource"] = {};
  for (const s of sources) {
    const { test, train } = heldOutSplit(rows, s);
    const w = fitDifficulty(train, features, opt);
    const scores = test.map((r) => rawDifficultyScore(w, features(r)));
    const apgr = computeApgr(scores, test.map((r) => r.strong_correct), test.map((r) => r.weak_correct));
    perSource[s] = { rows: test.length, trainRows: train.length, apgr: Number(apgr.toFixed(4)) };
  }
  const values = Object.values(perSource).map((v) => v.apgr);
  return {
    perSource,
    min: Math.min(...values),
    mean: Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(4)),
  };
}
