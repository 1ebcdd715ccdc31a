import { DIFFICULTY_DENSE_NAMES } from "../difficulty-features";
import { encodeLinear, type LinearArtefact } from "../model-codec";
import { scoreToDifficulty } from "../estimate-difficulty";
import { isotonic } from "./metrics";
import {
  difficultyFeaturesOf,
  fitDifficulty,
  heldOutSplit,
  losoDifficulty,
  questionKey,
  rawDifficultyScore,
  type DifficultyFeatures,
  type DifficultyFitOptions,
  type LosoDifficultyReport,
  type SourcedDifficultyRow,
} from "./loso-difficulty";

export interface DifficultyArtefact extends LinearArtefact {
  format: "switchyard-difficulty";
  version: number;
  target: string;
  trainingData: { sha256: string; rows: number; sources: Record<string, number>; options: DifficultyFitOptions; referencePrompts: number };
  denseFeatures: string[];
  /** Raw scores at the 0,5,...,100th percentiles of the reference prompts: difficulty = percentile. */
  quantiles: number[];
  /**
   * Relative strong-vs-weak accuracy gap by difficulty (each source scored by a model trained on
   * the other sources): [difficulty, gap / mean gap]. 0 = a weaker model does as well as a stronger one.
   */
  gapCurve: [number, number][];
}

export const DIFFICULTY_VERSION = 2;

/**
 * The setting shipped before: sources weighted equally. Beside a training source of 11,355 or 4,618
 * rows, that makes each of routerarena's 611 rows weigh 8 to 19 times as much, so the model learns
 * that small source's noise; pooling the rows (each question once, per-source intercepts still
 * absorbing the sources' base rates) transfers better to the held-out source.
 */
const BALANCED: DifficultyFitOptions = {
  epochs: 8,
  learningRate: 0.05,
  l2: 1e-3,
  seed: 20260302,
  target: "weak_wrong",
  balanceSources: true,
  sourceIntercepts: true,
  sparse: true,
  consistentCues: 0,
  combiner: "both",
};

/**
 * Chosen by leave-one-source-out APGR (highest minimum over sources, then highest mean) among
 * DIFFICULTY_CANDIDATES; `npm run -s train:router -- --loso` repeats the selection.
 */
export const DEFAULT_DIFFICULTY_OPTIONS: DifficultyFitOptions = { ...BALANCED, balanceSources: false, l2: 1e-4 };

/** The configurations the leave-one-source-out selection compares (small: each costs one fit per source). */
const FITTED: DifficultyFitOptions = { ...BALANCED, combiner: "logistic" };
export const DIFFICULTY_CANDIDATES: DifficultyFitOptions[] = [
  // The estimator as it was trained before: pooled rows, no source weighting.
  { ...FITTED, balanceSources: false, sourceIntercepts: false, learningRate: 0.02 },
  FITTED,
  { ...FITTED, l2: 1e-2 },
  { ...FITTED, target: "blend" },
  { ...FITTED, sparse: false },
  { ...FITTED, combiner: "equal", consistentCues: 0.03 },
  BALANCED,
  { ...BALANCED, epochs: 4 },
  { ...BALANCED, balanceSources: false },
  DEFAULT_DIFFICULTY_OPTIONS,
];

/** Order candidates' reports: higher minimum first, then higher mean. */
export function compareLoso(a: Pick<LosoDifficultyReport, "min" | "mean">, b: Pick<LosoDifficultyReport, "min" | "mean">): number {
  return b.min - a.min || b.mean - a.mean;
}

/**
 * Rows to train on: every source, sorted by id, with a question that appears in several sources
 * kept once (in the first source by name), so it does not count twice.
 */
export function dedupeAcrossSources(rows: SourcedDifficultyRow[]): SourcedDifficultyRow[] {
  const sorted = [...rows].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstSource = new Map<string, string>();
  const out: SourcedDifficultyRow[] = [];
  for (const r of sorted) {
    const k = questionKey(r.prompt);
    const s = firstSource.get(k);
    if (s === undefined) firstSource.set(k, r.source);
    else if (s !== r.source) continue;
    out.push(r);
  }
  return out;
}

/** The 0th, 5th, …, 100th percentiles of the scores (what turns a raw score into a difficulty). */
export function quantilesOf(scores: number[]): number[] {
  const s = [...scores].sort((a, b) => a - b);
  const q: number[] = [];
  for (let p = 0; p <= 100; p += 5) q.push(Number(s[Math.min(s.length - 1, Math.round((p / 100) * (s.length - 1)))]!.toFixed(6)));
  return q;
}

/** Relative strong-minus-weak gap by difficulty decile, made non-decreasing. */
export function gapCurve(diff: number[], rows: Pick<SourcedDifficultyRow, "strong_correct" | "weak_correct">[], bins = 10): [number, number][] {
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

export interface DifficultyReport {
  artefact: DifficultyArtefact;
  loso: LosoDifficultyReport;
}

/**
 * Train the shipped estimator on every source and measure it leave-one-source-out with the same
 * options. The gap curve comes from the leave-one-source-out scores (each row scored by a model
 * that never saw its source), mapped to difficulty through that model's own training percentiles.
 */
export function trainDifficulty(
  allRows: SourcedDifficultyRow[],
  sha256: string,
  options: DifficultyFitOptions = DEFAULT_DIFFICULTY_OPTIONS,
  features: (row: SourcedDifficultyRow) => DifficultyFeatures = cachedFeatures(),
  /**
   * Prompts whose scores define the percentiles (default: the training prompts). The policy's
   * difficulty bar raise reads difficulty as "harder than this share of ordinary requests", so the
   * trainer passes the category data, which spans every kind of request, not only exam questions.
   */
  referencePrompts?: readonly string[],
): DifficultyReport {
  // Evaluation keeps every row of the held-out source (losoDifficulty drops shared questions from
  // training); the shipped model trains on each question once.
  const loso = losoDifficulty(allRows, features, options);
  const rows = dedupeAcrossSources(allRows);
  const sources = [...new Set(allRows.map((r) => r.source))].sort();
  const oofDiff: number[] = [];
  const oofRows: SourcedDifficultyRow[] = [];
  for (const s of sources) {
    const { test, train } = heldOutSplit(allRows, s);
    const w = fitDifficulty(train, features, options);
    const q = quantilesOf(train.map((r) => rawDifficultyScore(w, features(r))));
    for (const r of test) {
      oofDiff.push(scoreToDifficulty(rawDifficultyScore(w, features(r)), q));
      oofRows.push(r);
    }
  }
  const w = fitDifficulty(rows, features, options);
  const quantiles = quantilesOf(
    referencePrompts && referencePrompts.length > 0
      ? referencePrompts.map((p) => rawDifficultyScore(w, difficultyFeaturesOf(p)))
      : rows.map((r) => rawDifficultyScore(w, features(r))),
  );
  const count: Record<string, number> = {};
  for (const r of rows) count[r.source] = (count[r.source] ?? 0) + 1;
  const artefact: DifficultyArtefact = {
    format: "switchyard-difficulty",
    version: DIFFICULTY_VERSION,
    target: `${options.target === "weak_wrong" ? "P(weaker model wrong)" : options.target === "gap" ? "P(only the stronger model right)" : "mean of P(weaker model wrong) and P(only the stronger model right)"}, reported as a percentile of training prompts`,
    trainingData: { sha256, rows: rows.length, sources: count, options, referencePrompts: referencePrompts?.length ?? rows.length },
    denseFeatures: [...DIFFICULTY_DENSE_NAMES],
    quantiles,
    gapCurve: gapCurve(oofDiff, oofRows),
    ...encodeLinear(w),
  };
  return { artefact, loso };
}

/** Features per row id, computed once. */
export function cachedFeatures(): (row: SourcedDifficultyRow) => DifficultyFeatures {
  const cache = new Map<string, DifficultyFeatures>();
  return (row) => {
    let f = cache.get(row.id);
    if (!f) cache.set(row.id, (f = difficultyFeaturesOf(row.prompt)));
    return f;
  };
}
