/**
 * Learned difficulty: per tenant and category, an online model of whether the cheaper qualified
 * model falls short where the better one would not.
 *
 * Two online logistic regressions (AdaGrad SGD, L2) over the router's own difficulty features
 * (hashed n-grams of the last user turn, the dense difficulty cues and the static estimate) predict
 * the success of the cheaper and of the better model. Each learns from whichever outcomes a request
 * produced: the served model's (feedback, implicit signals) and, for evaluated requests, both. The
 * expected gain of the better model, P(better succeeds) − P(cheaper succeeds), is the learned
 * difficulty's raw score; routing sees it as a percentile of the category's recent requests,
 * averaged with the static estimate (`staticBlend`). Every outcome also trains a tenant-wide
 * learner ("*"), which stands in for a category that has not yet seen enough.
 *
 * Deterministic and without I/O. The runtime state holds typed arrays (prediction is on the
 * request's path); `encodeLearner` / `decodeLearner` turn it into plain JSON and back.
 */

import { DIFFICULTY_DENSE_COUNT } from "../difficulty-features";

/** Features of one request, as the router computed them. */
export interface LearnerFeatures {
  /** Hashed n-gram buckets of the last user turn (any width; masked here) and their values. */
  idx: ArrayLike<number>;
  val: ArrayLike<number>;
  /** How many of idx/val to read. */
  n: number;
  /** The dense difficulty cues (see difficulty-features.ts). */
  dense: ArrayLike<number>;
  /** The static estimator's difficulty in [0, 1]. */
  staticDifficulty: number;
}

export interface LearnerOptions {
  /** Hashed-feature buckets: 2^bits. */
  bits: number;
  learningRate: number;
  l2: number;
  /** Outcomes (per role) a learner needs before routing uses it. */
  minOutcomesEach: number;
  /** Requests with at least one outcome a learner needs before routing uses it. */
  minRequests: number;
  /** Recent raw scores kept to turn a score into a percentile. */
  window: number;
  /** Scale of the static estimate's feature, (difficulty − 0.5) × staticWeight. */
  staticWeight: number;
  /**
   * Starting coefficient of the static feature in the cheaper model's success (negative: harder
   * prompts fail more). Before it has learned anything the learner then ranks as the static
   * estimator does, and evidence moves it from there.
   */
  staticPrior: number;
  /** Scale of the hashed n-gram values (their learning rate relative to the dense cues; 0 = off). */
  sparseScale: number;
  /**
   * Share of the static estimate in the difficulty routing sees: (1 − b) × the learned percentile
   * + b × the static difficulty. Outcome labels are noisy (one coin per request), so on its own the
   * learned ranking moves more than it knows; averaging with an estimator trained across sources
   * keeps what each ranks well (the replay benchmark: a higher and steadier second-half APGR on the
   * development source than either alone).
   */
  staticBlend: number;
}

export const DEFAULT_LEARNER_OPTIONS: LearnerOptions = {
  bits: 12,
  learningRate: 0.05,
  l2: 1e-4,
  minOutcomesEach: 40,
  minRequests: 200,
  window: 256,
  staticWeight: 2,
  staticPrior: -1,
  sparseScale: 0.3,
  staticBlend: 0.5,
};

/** The tenant-wide learner's key. */
export const ALL_CATEGORIES = "*";

interface OnlineLogistic {
  bias: number;
  g2Bias: number;
  dense: Float64Array;
  g2Dense: Float64Array;
  sparse: Float64Array;
  g2Sparse: Float64Array;
  outcomes: number;
}

interface CategoryLearner {
  cheaper: OnlineLogistic;
  better: OnlineLogistic;
  requests: number;
  recent: Float64Array;
  /** Next write position in `recent`; min(requests, window) entries are filled. */
  next: number;
}

export interface DifficultyLearner {
  options: LearnerOptions;
  denseCount: number;
  categories: Map<string, CategoryLearner>;
}

/** A learner with nothing learned; `denseCount` is the number of dense cues (the router's by default). */
export function createLearner(options: LearnerOptions = DEFAULT_LEARNER_OPTIONS, denseCount: number = DIFFICULTY_DENSE_COUNT): DifficultyLearner {
  return { options, denseCount, categories: new Map() };
}

function newLogistic(denseCount: number, bits: number): OnlineLogistic {
  const buckets = 1 << bits;
  return {
    bias: 0,
    g2Bias: 0,
    dense: new Float64Array(denseCount + 1),
    g2Dense: new Float64Array(denseCount + 1),
    sparse: new Float64Array(buckets),
    g2Sparse: new Float64Array(buckets),
    outcomes: 0,
  };
}

function categoryLearner(l: DifficultyLearner, category: string): CategoryLearner {
  let c = l.categories.get(category);
  if (!c) {
    const cheaper = newLogistic(l.denseCount, l.options.bits);
    cheaper.dense[l.denseCount] = l.options.staticPrior;
    c = {
      cheaper,
      better: newLogistic(l.denseCount, l.options.bits),
      requests: 0,
      recent: new Float64Array(l.options.window),
      next: 0,
    };
    l.categories.set(category, c);
  }
  return c;
}

/** Logit of one model; the static estimate is the last dense slot. */
function logit(m: OnlineLogistic, f: LearnerFeatures, mask: number, denseCount: number, staticWeight: number, sparseScale: number): number {
  let s = m.bias;
  const { idx, val, dense } = f;
  let sp = 0;
  for (let i = 0; i < f.n; i++) sp += m.sparse[idx[i]! & mask]! * val[i]!;
  s += sp * sparseScale;
  for (let j = 0; j < denseCount; j++) s += m.dense[j]! * dense[j]!;
  return s + m.dense[denseCount]! * (f.staticDifficulty - 0.5) * staticWeight;
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * P(better succeeds) − P(cheaper succeeds). Both logits in one pass over the features (the same
 * buckets read from two weight tables): prediction is on the request's path, and a long prompt has
 * thousands of features.
 */
function gainScore(c: CategoryLearner, f: LearnerFeatures, l: DifficultyLearner): number {
  const mask = (1 << l.options.bits) - 1;
  const { staticWeight, sparseScale } = l.options;
  const { idx, val, dense } = f;
  const better = c.better;
  const cheaper = c.cheaper;
  let spBetter = 0;
  let spCheaper = 0;
  for (let i = 0; i < f.n; i++) {
    const k = idx[i]! & mask;
    const v = val[i]!;
    spBetter += better.sparse[k]! * v;
    spCheaper += cheaper.sparse[k]! * v;
  }
  let zBetter = better.bias + spBetter * sparseScale;
  let zCheaper = cheaper.bias + spCheaper * sparseScale;
  for (let j = 0; j < l.denseCount; j++) {
    zBetter += better.dense[j]! * dense[j]!;
    zCheaper += cheaper.dense[j]! * dense[j]!;
  }
  const s = (f.staticDifficulty - 0.5) * staticWeight;
  return sigmoid(zBetter + better.dense[l.denseCount]! * s) - sigmoid(zCheaper + cheaper.dense[l.denseCount]! * s);
}

function step(m: OnlineLogistic, f: LearnerFeatures, y: number, l: DifficultyLearner): void {
  const { learningRate: lr, l2, bits, staticWeight, sparseScale } = l.options;
  const mask = (1 << bits) - 1;
  const g = sigmoid(logit(m, f, mask, l.denseCount, staticWeight, sparseScale)) - y;
  const eps = 1e-8;
  m.g2Bias += g * g;
  m.bias -= (lr * g) / Math.sqrt(m.g2Bias + eps);
  for (let i = 0; i < (sparseScale === 0 ? 0 : f.n); i++) {
    const k = f.idx[i]! & mask;
    const gk = g * f.val[i]! * sparseScale + l2 * m.sparse[k]!;
    m.g2Sparse[k] = m.g2Sparse[k]! + gk * gk;
    m.sparse[k] = m.sparse[k]! - (lr * gk) / Math.sqrt(m.g2Sparse[k]! + eps);
  }
  for (let j = 0; j <= l.denseCount; j++) {
    const x = j < l.denseCount ? f.dense[j]! : (f.staticDifficulty - 0.5) * staticWeight;
    if (x === 0) continue;
    const gj = g * x + l2 * m.dense[j]!;
    m.g2Dense[j] = m.g2Dense[j]! + gj * gj;
    m.dense[j] = m.dense[j]! - (lr * gj) / Math.sqrt(m.g2Dense[j]! + eps);
  }
  m.outcomes++;
}

function isReady(c: CategoryLearner | undefined, o: LearnerOptions): c is CategoryLearner {
  return c !== undefined && c.requests >= o.minRequests && c.cheaper.outcomes >= o.minOutcomesEach && c.better.outcomes >= o.minOutcomesEach;
}

/** Fraction of the learner's recent scores below `score` (ties count half). */
function percentile(c: CategoryLearner, score: number, window: number): number {
  const filled = Math.min(c.requests, window);
  if (filled === 0) return 0.5;
  let below = 0;
  for (let i = 0; i < filled; i++) {
    const r = c.recent[i]!;
    if (r < score) below++;
    else if (r === score) below += 0.5;
  }
  return below / filled;
}

export interface LearnedDifficulty {
  /**
   * Difficulty in [0, 1]: the percentile of the expected gain among the learner's recent requests,
   * blended with the static estimate by `staticBlend`.
   */
  difficulty: number;
  /** Expected gain of the better model: P(better succeeds) − P(cheaper succeeds). */
  gain: number;
  /** Which learner answered: the category's own, or the tenant-wide one. */
  learner: string;
  /** Requests with outcomes that learner has seen. */
  requests: number;
}

/**
 * The learned difficulty of a request, or null when neither the category's learner nor the
 * tenant-wide one has seen enough (routing then uses the static estimate).
 */
export function predictDifficulty(l: DifficultyLearner, category: string, f: LearnerFeatures): LearnedDifficulty | null {
  let key = category;
  let c = l.categories.get(category);
  if (!isReady(c, l.options)) {
    key = ALL_CATEGORIES;
    c = l.categories.get(ALL_CATEGORIES);
    if (!isReady(c, l.options)) return null;
  }
  const gain = gainScore(c, f, l);
  const b = l.options.staticBlend;
  const difficulty = (1 - b) * percentile(c, gain, l.options.window) + b * f.staticDifficulty;
  return { difficulty: Math.round(difficulty * 1000) / 1000, gain, learner: key, requests: c.requests };
}

/** What one request taught: the outcome of the cheaper and/or the better model, scores in [0, 1]. */
export interface DifficultyFeedback {
  category: string;
  features: LearnerFeatures;
  cheaper?: number;
  better?: number;
}

function learnInto(c: CategoryLearner, fb: DifficultyFeedback, l: DifficultyLearner): void {
  // The percentile window records the score before this request's outcomes are learned (as routing saw it).
  c.recent[c.next] = gainScore(c, fb.features, l);
  c.next = (c.next + 1) % l.options.window;
  c.requests++;
  if (fb.cheaper !== undefined) step(c.cheaper, fb.features, Math.min(1, Math.max(0, fb.cheaper)), l);
  if (fb.better !== undefined) step(c.better, fb.features, Math.min(1, Math.max(0, fb.better)), l);
}

/** Learn from one request's outcomes (updates the learner in place; off the request's path). */
export function learnDifficulty(l: DifficultyLearner, fb: DifficultyFeedback): void {
  const known = (x: number | undefined) => x !== undefined && Number.isFinite(x);
  if (!known(fb.cheaper) && !known(fb.better)) return;
  const clean = { ...fb, cheaper: known(fb.cheaper) ? fb.cheaper : undefined, better: known(fb.better) ? fb.better : undefined };
  learnInto(categoryLearner(l, fb.category), clean, l);
  if (fb.category !== ALL_CATEGORIES) learnInto(categoryLearner(l, ALL_CATEGORIES), clean, l);
}

/**
 * Most categories a learner keeps besides "*". Each holds two weight tables (about 130 KB once
 * decoded) in every gateway process that serves the tenant, and rule names are a tenant's to
 * choose: without a bound, renamed rules and many policies would grow it without end.
 */
export const MAX_LEARNED_CATEGORIES = 64;

/**
 * Drops what routing can no longer read: the categories that have no rule now (renamed or deleted
 * rules), then, past `max`, those that have seen the fewest requests. "*" always stays.
 */
export function forgetCategories(l: DifficultyLearner, hasRule: (category: string) => boolean, max: number = MAX_LEARNED_CATEGORIES): void {
  for (const category of l.categories.keys()) {
    if (category !== ALL_CATEGORIES && !hasRule(category)) l.categories.delete(category);
  }
  const ranked = [...l.categories].filter(([category]) => category !== ALL_CATEGORIES).sort(([, a], [, b]) => b.requests - a.requests);
  for (const [category] of ranked.slice(max)) l.categories.delete(category);
}

// ---- Serialisation: plain JSON, sparse arrays as [index, weight, squared-gradient sum] triples.

interface LogisticJson {
  bias: [number, number];
  dense: [number, number, number][];
  sparse: [number, number, number][];
  outcomes: number;
}

export interface LearnerJson {
  format: "switchyard-learned-difficulty";
  version: 1;
  options: LearnerOptions;
  denseCount: number;
  categories: Record<string, { cheaper: LogisticJson; better: LogisticJson; requests: number; recent: number[]; next: number }>;
}

function nonZero(w: Float64Array, g2: Float64Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < w.length; i++) if (w[i] !== 0 || g2[i] !== 0) out.push([i, w[i]!, g2[i]!]);
  return out;
}

function encodeLogistic(m: OnlineLogistic): LogisticJson {
  return { bias: [m.bias, m.g2Bias], dense: nonZero(m.dense, m.g2Dense), sparse: nonZero(m.sparse, m.g2Sparse), outcomes: m.outcomes };
}

function decodeLogistic(j: LogisticJson, denseCount: number, bits: number): OnlineLogistic {
  const m = newLogistic(denseCount, bits);
  [m.bias, m.g2Bias] = j.bias;
  for (const [i, w, g] of j.dense) if (i >= 0 && i <= denseCount) [m.dense[i], m.g2Dense[i]] = [w, g];
  for (const [i, w, g] of j.sparse) if (i >= 0 && i < m.sparse.length) [m.sparse[i], m.g2Sparse[i]] = [w, g];
  m.outcomes = j.outcomes;
  return m;
}

export function encodeLearner(l: DifficultyLearner): LearnerJson {
  const categories: LearnerJson["categories"] = {};
  for (const [k, c] of [...l.categories.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    categories[k] = {
      cheaper: encodeLogistic(c.cheaper),
      better: encodeLogistic(c.better),
      requests: c.requests,
      recent: Array.from(c.recent.subarray(0, Math.min(c.requests, l.options.window))),
      next: c.next,
    };
  }
  return { format: "switchyard-learned-difficulty", version: 1, options: { ...l.options }, denseCount: l.denseCount, categories };
}

export function decodeLearner(j: LearnerJson): DifficultyLearner {
  // Options added since the learner was stored take their defaults.
  const l = createLearner({ ...DEFAULT_LEARNER_OPTIONS, ...j.options }, j.denseCount);
  for (const [k, c] of Object.entries(j.categories)) {
    const recent = new Float64Array(l.options.window);
    recent.set(c.recent.slice(0, l.options.window));
    l.categories.set(k, {
      cheaper: decodeLogistic(c.cheaper, j.denseCount, l.options.bits),
      better: decodeLogistic(c.better, j.denseCount, l.options.bits),
      requests: c.requests,
      recent,
      next: c.next % l.options.window,
    });
  }
  return l;
}
