import { createSink } from "../hash-features";
import { DIFFICULTY_DENSE_COUNT, DIFFICULTY_DENSE_NAMES, difficultyFeatures } from "../difficulty-features";
import { decodeLinear, encodeLinear, type DecodedLinear, type LinearArtefact } from "../model-codec";
import { computeApgr, isHeldBackSubject, isotonic, subjectOf } from "./metrics";
import { scoreExample, trainLinear, type SparseExample } from "./train-softmax";
import { scoreToDifficulty } from "../estimate-difficulty";

export interface DifficultyRow {
  id: string;
  prompt: string;
  strong_correct: number;
  weak_correct: number;
}

export interface DifficultyArtefact extends LinearArtefact {
  format: "switchyard-difficulty";
  version: number;
  target: string;
  trainingData: { sha256: string; rows: number; heldBackSubjects: string[]; excludedSubjects: string[] };
  denseFeatures: string[];
  /** Raw scores at the 0,5,...,100th percentiles of the training prompts: difficulty = percentile. */
  quantiles: number[];
  /**
   * Relative strong-vs-weak accuracy gap by difficulty (out-of-fold on training subjects):
   * [difficulty, gap / mean gap]. 0 = a weaker model does as well as a stronger one.
   */
  gapCurve: [number, number][];
}

export const DIFFICULTY_VERSION = 1;
export const DIFFICULTY_BITS = 14;
/** Chosen by 4-fold cross-validation over training subjects (not on the held-back subjects). */
export const DEFAULT_DIFFICULTY_OPTIONS = { epochs: 8, learningRate: 0.02, l2: 1e-3, seed: 20260302 };
/** Subjects whose strong-model accuracy is below this are label artefacts and are not trained on. */
export const MIN_STRONG_ACCURACY = 0.1;

function featurize(prompt: string): Omit<SparseExample, "label" | "weight"> {
  const sink = createSink(4096);
  const dense = new Float32Array(DIFFICULTY_DENSE_COUNT);
  difficultyFeatures(prompt, sink, dense);
  const mask = (1 << DIFFICULTY_BITS) - 1;
  const idx = sink.idx.slice(0, sink.n);
  for (let i = 0; i < idx.length; i++) idx[i] = idx[i]! & mask;
  return { idx, val: sink.val.slice(0, sink.n), dense };
}

/** Training target: the weaker model gets it wrong (P(weak wrong) ranks best in cross-validation). */
export const targetOf = (r: DifficultyRow): number => (r.weak_correct === 1 ? 0 : 1);

function fit(rows: DifficultyRow[], opt = DEFAULT_DIFFICULTY_OPTIONS): DecodedLinear {
  const ex: SparseExample[] = rows.map((r) => ({ ...featurize(r.prompt), label: targetOf(r), weight: 1 }));
  const w = trainLinear(ex, {
    classes: 1,
    buckets: 1 << DIFFICULTY_BITS,
    dense: DIFFICULTY_DENSE_COUNT,
    ...opt,
  });
  return decodeLinear(encodeLinear(w));
}

export function rawScore(w: DecodedLinear, prompt: string): number {
  const out = new Float64Array(1);
  scoreExample(w, featurize(prompt), out);
  return out[0]!;
}

function quantilesOf(scores: number[]): number[] {
  const s = [...scores].sort((a, b) => a - b);
  const q: number[] = [];
  for (let p = 0; p <= 100; p += 5) q.push(Number(s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))]!.toFixed(6)));
  return q;
}


function gapCurve(diff: number[], rows: DifficultyRow[], bins = 10): [number, number][] {
  const order = diff.map((_, i) => i).sort((a, b) => diff[a]! - diff[b]! || a - b);
  let total = 0;
  for (const r of rows) total += r.strong_correct - r.weak_correct;
  const meanGap = total / rows.length;
  const ys: number[] = [];
  const xs: number[] = [];
  const ws: number[] = [];
  for (let b = 0; b < bins; b++) {
    const part = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    let g = 0;
    let x = 0;
    for (const i of part) {
      g += rows[i]!.strong_correct - rows[i]!.weak_correct;
      x += diff[i]!;
    }
    ys.push(g / part.length / meanGap);
    xs.push(x / part.length);
    ws.push(part.length);
  }
  const iso = isotonic(ys, ws);
  return xs.map((x, i) => [Number(x.toFixed(4)), Number(Math.max(0, iso[i]!).toFixed(4))]);
}

function excludedSubjects(rows: DifficultyRow[]): string[] {
  const acc = new Map<string, [number, number]>();
  for (const r of rows) {
    const s = subjectOf(r.id);
    const a = acc.get(s) ?? [0, 0];
    acc.set(s, [a[0] + r.strong_correct, a[1] + 1]);
  }
  return [...acc.entries()].filter(([, [c, n]]) => c / n < MIN_STRONG_ACCURACY).map(([s]) => s).sort();
}

export interface DifficultyReport {
  artefact: DifficultyArtefact;
  heldBackApgr: number;
  heldBackRows: number;
  outOfFoldApgr: number;
}

/** Train on non-held-back subjects; report APGR on the held-back subjects (never trained on). */
export function trainDifficulty(rows: DifficultyRow[], sha256: string): DifficultyReport {
  const excluded = excludedSubjects(rows);
  const train = rows.filter((r) => !isHeldBackSubject(subjectOf(r.id)) && !excluded.includes(subjectOf(r.id)));
  const held = rows.filter((r) => isHeldBackSubject(subjectOf(r.id)));
  const heldSubjects = [...new Set(held.map((r) => subjectOf(r.id)))].sort();
  // Out-of-fold scores on training subjects (4 folds by subject) for the gap curve.
  const trainSubjects = [...new Set(train.map((r) => subjectOf(r.id)))].sort();
  const foldOf = (r: DifficultyRow): number => trainSubjects.indexOf(subjectOf(r.id)) % 4;
  const oofDiff = new Array<number>(train.length).fill(0);
  for (const fold of [0, 1, 2, 3]) {
    const w = fit(train.filter((r) => foldOf(r) !== fold));
    const idxs = train.map((r, i) => (foldOf(r) === fold ? i : -1)).filter((i) => i >= 0);
    const scores = idxs.map((i) => rawScore(w, train[i]!.prompt));
    const q = quantilesOf(scores);
    idxs.forEach((i, j) => (oofDiff[i] = scoreToDifficulty(scores[j]!, q)));
  }
  const outOfFoldApgr = computeApgr(oofDiff, train.map((r) => r.strong_correct), train.map((r) => r.weak_correct));
  const w = fit(train);
  const trainScores = train.map((r) => rawScore(w, r.prompt));
  const quantiles = quantilesOf(trainScores);
  const heldDiff = held.map((r) => scoreToDifficulty(rawScore(w, r.prompt), quantiles));
  const heldBackApgr = computeApgr(heldDiff, held.map((r) => r.strong_correct), held.map((r) => r.weak_correct));
  const artefact: DifficultyArtefact = {
    format: "switchyard-difficulty",
    version: DIFFICULTY_VERSION,
    target: "P(weaker model wrong), reported as a percentile of training prompts",
    trainingData: { sha256, rows: train.length, heldBackSubjects: heldSubjects, excludedSubjects: excluded },
    denseFeatures: [...DIFFICULTY_DENSE_NAMES],
    quantiles,
    gapCurve: gapCurve(oofDiff, train),
    ...encodeLinear(w),
  };
  return { artefact, heldBackApgr, heldBackRows: held.length, outOfFoldApgr };
}
