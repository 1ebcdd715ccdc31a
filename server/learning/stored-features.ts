/**
 * The learned difficulty's features of a request as kept on its log row (RequestLog.features),
 * so that an outcome arriving later (feedback, an evaluation) can teach the learner what the
 * router saw. No prompt text: hashed n-gram buckets, numbers and the static estimate only.
 *
 * Bounded: the hashed buckets are masked to the learner's width (the learner masks them the same
 * way, so nothing it would read is lost), duplicates summed, and only the MAX_STORED_SPARSE
 * largest kept; values are rounded to 4 significant digits. A row stays well under a few KB.
 */
import { DIFFICULTY_DENSE_COUNT } from "../routing/difficulty-features";
import { DEFAULT_LEARNER_OPTIONS, type LearnerFeatures } from "../routing/learning/learned-difficulty";

/** Hashed buckets kept per request; a long prompt's smallest contributions go first. */
export const MAX_STORED_SPARSE = 128;

/** Widest bucket space a stored row may claim (decoding rejects more: it would not be ours). */
const MAX_BITS = 24;

/** Plain JSON kept with the request's log row. */
export interface StoredFeatures {
  v: 1;
  /** Width the buckets were masked to. */
  bits: number;
  /** Bucket indices, ascending, each below 2^bits. */
  idx: number[];
  val: number[];
  dense: number[];
  staticDifficulty: number;
}

/** 4 significant digits: the learner's steps are far coarser than the rounding. */
function round4(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : 0;
}

export function encodeStoredFeatures(f: LearnerFeatures, bits: number = DEFAULT_LEARNER_OPTIONS.bits): StoredFeatures {
  const mask = (1 << bits) - 1;
  const summed = new Map<number, number>();
  for (let i = 0; i < f.n; i++) {
    const v = f.val[i]!;
    if (!Number.isFinite(v) || v === 0) continue;
    const k = f.idx[i]! & mask;
    summed.set(k, (summed.get(k) ?? 0) + v);
  }
  let entries = [...summed.entries()].filter(([, v]) => v !== 0);
  if (entries.length > MAX_STORED_SPARSE) {
    // Largest contributions first; equal ones by index so that the choice is deterministic.
    entries.sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0] - b[0]);
    entries = entries.slice(0, MAX_STORED_SPARSE);
  }
  entries.sort((a, b) => a[0] - b[0]);
  const dense: number[] = [];
  for (let j = 0; j < f.dense.length; j++) dense.push(round4(f.dense[j]!));
  return {
    v: 1,
    bits,
    idx: entries.map(([k]) => k),
    val: entries.map(([, v]) => round4(v)),
    dense,
    staticDifficulty: round4(Math.min(1, Math.max(0, f.staticDifficulty))),
  };
}

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/**
 * Features back from a log row, or null when the JSON is not a row this module wrote for the
 * router's current dense cues (malformed, out of bounds, or from a build with other cues: the
 * learner's dense weights would then mean something else).
 */
export function decodeStoredFeatures(json: unknown, denseCount: number = DIFFICULTY_DENSE_COUNT): LearnerFeatures | null {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  if (o.v !== 1) return null;
  const { bits, idx, val, dense, staticDifficulty } = o;
  if (typeof bits !== "number" || !Number.isInteger(bits) || bits < 1 || bits > MAX_BITS) return null;
  if (!Array.isArray(idx) || !Array.isArray(val) || !Array.isArray(dense)) return null;
  if (idx.length !== val.length || idx.length > MAX_STORED_SPARSE || dense.length !== denseCount) return null;
  const limit = 2 ** bits;
  for (const k of idx) if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k >= limit) return null;
  if (!val.every(isFiniteNumber) || !dense.every(isFiniteNumber)) return null;
  if (!isFiniteNumber(staticDifficulty) || staticDifficulty < 0 || staticDifficulty > 1) return null;
  return { idx: idx as number[], val: val as number[], n: idx.length, dense: dense as number[], staticDifficulty };
}
