/**
 * Category corrections: a per-tenant layer over the classifier that learns from the categories
 * callers say their requests should have had.
 *
 * A bounded memory of prototypes: each is the hashed features of corrected requests' last user turn
 * (the classifier's own hashed n-grams, as the request's log row keeps them: masked to the learned
 * difficulty's width and cut to the largest, see stored-features.ts) with the category it should get. A request whose features
 * are close enough (cosine ≥ `matchSimilarity`) to a prototype gets that prototype's category; any
 * other keeps the classifier's. Corrections of near-identical prompts merge into one prototype (a
 * newer correction to another category replaces it); when the memory is full the least recently
 * corrected prototype goes.
 *
 * Why prototypes and not weights added to the classifier's scores: a tenant's corrections often name
 * its own categories, which the classifier has no scores for, and a prototype only acts near the
 * prompts it was taught on, so unrelated traffic keeps the classifier's answer by construction.
 *
 * Deterministic, no I/O. Deciding reads the request's features once and an inverted index of the
 * prototypes (built when the layer is decoded); its cost is linear in the request's features and
 * independent of how many corrections were taught.
 *
 * Known limit: similarity is over surface n-grams. A corrected prompt that shares long boilerplate
 * with unrelated traffic (a fixed preamble in every user turn) also draws that traffic; correcting
 * one of those requests back teaches a nearer prototype for them.
 */
import { DEFAULT_LEARNER_OPTIONS } from "./learned-difficulty";

/** The hashed features of a request's last user turn (the classifier's, see hash-features.ts). */
export interface CorrectionFeatures {
  idx: ArrayLike<number>;
  val: ArrayLike<number>;
  /** How many of idx/val to read. */
  n: number;
}

export interface CorrectionOptions {
  /**
   * Hash buckets of the features: 2^bits (idx is masked). At most the width the log rows keep
   * (stored-features.ts masks to the learned difficulty's): a wider layer would never match.
   */
  bits: number;
  /** Prototypes kept; the least recently corrected goes first. */
  capacity: number;
  /** Features kept per prototype (the largest). */
  maxFeatures: number;
  /** Cosine at which a request takes a prototype's category. */
  matchSimilarity: number;
  /** Cosine at which a correction merges into an existing prototype instead of adding one. */
  mergeSimilarity: number;
  /**
   * Features of a request read, from the end (bounds the cost of long prompts). The classifier lists
   * a text's character n-grams first and its words and word pairs last (hash-features.ts), so a long
   * prompt is compared on its words and word pairs: they carry most of its weight, and they are
   * what its log row keeps (the largest features).
   */
  maxRequestFeatures: number;
}

export const DEFAULT_CORRECTION_OPTIONS: CorrectionOptions = {
  bits: DEFAULT_LEARNER_OPTIONS.bits,
  capacity: 128,
  maxFeatures: 128,
  // Measured on stored features: rewordings of a taught prompt score 0.35–0.5, prompts on other
  // subjects 0.05–0.2 (long ones higher, through bucket collisions), one shared keyword about 0.2.
  matchSimilarity: 0.3,
  mergeSimilarity: 0.8,
  maxRequestFeatures: 1024,
};

interface Prototype {
  category: string;
  /** Sampled buckets, ascending, and their L2-normalised weights. */
  idx: Int32Array;
  val: Float32Array;
  /** Corrections merged into it. */
  count: number;
  /** When it was last corrected (the layer's counter). */
  seq: number;
}

export interface CategoryCorrections {
  options: CorrectionOptions;
  prototypes: Prototype[];
  /** Corrections taught so far (also the recency counter). */
  seq: number;
  index: PostingIndex;
}

/** bucket → (prototype, weight) postings in one flat layout: bucket b's are [offsets[b], offsets[b+1]). */
interface PostingIndex {
  offsets: Int32Array;
  prototype: Int32Array;
  weight: Float32Array;
}

const MAX_BITS = 16;
const checkBits = (bits: number) => {
  if (!(Number.isInteger(bits) && bits >= 1 && bits <= MAX_BITS)) throw new Error("bad bucket bits");
};

export function createCorrections(options: CorrectionOptions = DEFAULT_CORRECTION_OPTIONS): CategoryCorrections {
  checkBits(options.bits);
  return { options, prototypes: [], seq: 0, index: buildIndex([], options.bits) };
}

/** The summed and L2-normalised features of one request (off the request's path). */
function vectorOf(f: CorrectionFeatures, o: CorrectionOptions): { idx: Int32Array; val: Float32Array } | null {
  const mask = (1 << o.bits) - 1;
  const sums = new Map<number, number>();
  for (let i = Math.max(0, f.n - o.maxRequestFeatures); i < f.n; i++) {
    const b = f.idx[i]! & mask;
    sums.set(b, (sums.get(b) ?? 0) + f.val[i]!);
  }
  const kept = [...sums.entries()].filter(([, v]) => v !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]).slice(0, o.maxFeatures);
  return normalised(kept);
}

function normalised(entries: [number, number][]): { idx: Int32Array; val: Float32Array } | null {
  let norm = 0;
  for (const [, v] of entries) norm += v * v;
  if (norm === 0) return null;
  const s = 1 / Math.sqrt(norm);
  entries.sort((a, b) => a[0] - b[0]);
  return { idx: Int32Array.from(entries, ([b]) => b), val: Float32Array.from(entries, ([, v]) => v * s) };
}

function cosine(a: { idx: Int32Array; val: Float32Array }, b: { idx: Int32Array; val: Float32Array }): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.idx.length && j < b.idx.length) {
    if (a.idx[i]! === b.idx[j]!) dot += a.val[i++]! * b.val[j++]!;
    else if (a.idx[i]! < b.idx[j]!) i++;
    else j++;
  }
  return dot;
}

function buildIndex(prototypes: readonly Prototype[], bits: number): PostingIndex {
  const size = 1 << bits;
  const offsets = new Int32Array(size + 1);
  for (const p of prototypes) for (let i = 0; i < p.idx.length; i++) offsets[p.idx[i]! + 1]!++;
  for (let b = 0; b < size; b++) offsets[b + 1] = offsets[b + 1]! + offsets[b]!;
  const prototype = new Int32Array(offsets[size]!);
  const weight = new Float32Array(offsets[size]!);
  const fill = offsets.slice(0, size);
  prototypes.forEach((p, k) => {
    for (let i = 0; i < p.idx.length; i++) {
      const at = fill[p.idx[i]!]!++;
      prototype[at] = k;
      weight[at] = p.val[i]!;
    }
  });
  return { offsets, prototype, weight };
}

/**
 * Teach one correction: requests like this one should be filed under `category`. Returns a new
 * layer (the input is left alone, so a layer being read by routing is never changed under it).
 */
export function learnCorrection(layer: CategoryCorrections, features: CorrectionFeatures, category: string): CategoryCorrections {
  const o = layer.options;
  const v = vectorOf(features, o);
  if (!v || category === "") return layer;
  const seq = layer.seq + 1;
  let nearest = -1;
  let best = -Infinity;
  layer.prototypes.forEach((p, k) => {
    const s = cosine(v, p);
    if (s > best) [best, nearest] = [s, k];
  });
  const prototypes = [...layer.prototypes];
  if (nearest >= 0 && best >= o.mergeSimilarity) {
    const p = prototypes[nearest]!;
    if (p.category === category) {
      // A running mean of the merged requests, renormalised and cut back to the largest features.
      const sums = new Map<number, number>();
      for (let i = 0; i < p.idx.length; i++) sums.set(p.idx[i]!, p.val[i]! * p.count);
      for (let i = 0; i < v.idx.length; i++) sums.set(v.idx[i]!, (sums.get(v.idx[i]!) ?? 0) + v.val[i]!);
      const kept = [...sums.entries()].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]).slice(0, o.maxFeatures);
      const merged = normalised(kept)!;
      prototypes[nearest] = { category, ...merged, count: p.count + 1, seq };
    } else {
      // The same kind of request corrected to another category: the newer correction wins.
      prototypes[nearest] = { category, ...v, count: 1, seq };
    }
  } else {
    if (prototypes.length >= o.capacity) {
      let oldest = 0;
      for (let k = 1; k < prototypes.length; k++) if (prototypes[k]!.seq < prototypes[oldest]!.seq) oldest = k;
      prototypes.splice(oldest, 1);
    }
    prototypes.push({ category, ...v, count: 1, seq });
  }
  return { options: o, prototypes, seq, index: buildIndex(prototypes, o.bits) };
}

export interface CategoryCorrection {
  category: string;
  /** Cosine between the request and the prototype that decided (0–1). */
  similarity: number;
  /** Corrections merged into that prototype. */
  corrections: number;
}

// Scratch state of `correctCategory` (the request's path allocates nothing per call).
let sums = new Float32Array(0);
let touched = new Int32Array(1024);
let scores = new Float64Array(0);

/**
 * The category the tenant's corrections give a request, or null when no prototype is close enough
 * (the classifier's category then stands). Features are the classifier's of the last user turn.
 */
export function correctCategory(layer: CategoryCorrections, f: CorrectionFeatures): CategoryCorrection | null {
  const P = layer.prototypes.length;
  if (P === 0) return null;
  const o = layer.options;
  const mask = (1 << o.bits) - 1;
  if (sums.length < 1 << o.bits) sums = new Float32Array(1 << o.bits);
  if (scores.length < P) scores = new Float64Array(Math.max(P, o.capacity));
  const from = Math.max(0, f.n - o.maxRequestFeatures);
  if (touched.length < f.n - from) touched = new Int32Array(f.n - from);
  // The loops read the scratch arrays through constants: a module-level `let` is reloaded on every access.
  const bucketSums = sums;
  const touchedBuckets = touched;
  const protoScores = scores;
  const { idx, val } = f;
  // Sum the features per bucket (a prompt repeats n-grams; masking merges buckets): the norm needs the sums.
  let t = 0;
  for (let i = from; i < f.n; i++) {
    const b = idx[i]! & mask;
    if (bucketSums[b] === 0) touchedBuckets[t++] = b;
    bucketSums[b] = bucketSums[b]! + val[i]!;
  }
  let norm = 0;
  for (let i = 0; i < P; i++) protoScores[i] = 0;
  const { offsets, prototype, weight } = layer.index;
  for (let i = 0; i < t; i++) {
    const b = touchedBuckets[i]!;
    const v = bucketSums[b]!;
    bucketSums[b] = 0;
    norm += v * v;
    for (let k = offsets[b]!, end = offsets[b + 1]!; k < end; k++) protoScores[prototype[k]!] = protoScores[prototype[k]!]! + v * weight[k]!;
  }
  if (norm === 0) return null;
  const s = 1 / Math.sqrt(norm);
  let best = -1;
  let bestScore = -Infinity;
  for (let k = 0; k < P; k++) {
    const score = protoScores[k]! * s;
    // Ties go to the more recent correction.
    if (score > bestScore || (score === bestScore && layer.prototypes[k]!.seq > layer.prototypes[best]!.seq)) [bestScore, best] = [score, k];
  }
  if (bestScore < o.matchSimilarity) return null;
  const p = layer.prototypes[best]!;
  return { category: p.category, similarity: Math.round(bestScore * 1000) / 1000, corrections: p.count };
}

/** Corrections taught per category (what the console and the docs call the correction layer's size). */
export function correctionCounts(layer: CategoryCorrections): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of layer.prototypes) out[p.category] = (out[p.category] ?? 0) + p.count;
  return out;
}

// ---- Serialisation: plain JSON.

export interface CorrectionsJson {
  format: "switchyard-category-corrections";
  version: 1;
  options: CorrectionOptions;
  seq: number;
  prototypes: { category: string; idx: number[]; val: number[]; count: number; seq: number }[];
}

export function encodeCorrections(layer: CategoryCorrections): CorrectionsJson {
  return {
    format: "switchyard-category-corrections",
    version: 1,
    options: { ...layer.options },
    seq: layer.seq,
    prototypes: layer.prototypes.map((p) => ({ category: p.category, idx: Array.from(p.idx), val: Array.from(p.val), count: p.count, seq: p.seq })),
  };
}

/** The layer a JSON value holds; throws on anything else (callers treat that as nothing learned). */
export function decodeCorrections(j: CorrectionsJson): CategoryCorrections {
  if (j?.format !== "switchyard-category-corrections" || j.version !== 1 || !Array.isArray(j.prototypes)) throw new Error("not a category correction layer");
  const options = { ...DEFAULT_CORRECTION_OPTIONS, ...j.options };
  checkBits(options.bits);
  const mask = (1 << options.bits) - 1;
  const prototypes: Prototype[] = j.prototypes.slice(-options.capacity).map((p) => {
    if (typeof p.category !== "string" || !Array.isArray(p.idx) || !Array.isArray(p.val) || p.idx.length !== p.val.length) throw new Error("bad prototype");
    const entries = p.idx.slice(0, options.maxFeatures).map((b, i) => [b & mask, Number(p.val[i])] as [number, number]).filter(([, v]) => Number.isFinite(v));
    // Stored weights are already normalised: kept as they are, so that a round trip decides alike.
    entries.sort((a, b) => a[0] - b[0]);
    const v = { idx: Int32Array.from(entries, ([b]) => b), val: Float32Array.from(entries, ([, w]) => w) };
    return { category: p.category, ...v, count: Number(p.count) || 1, seq: Number(p.seq) || 0 };
  });
  return { options, prototypes, seq: Number(j.seq) || 0, index: buildIndex(prototypes, options.bits) };
}
