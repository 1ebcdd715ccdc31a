/**
 * The learned difficulty's features of a request as kept on its log row (RequestLog.features),
 * so that an outcome arriving later (feedback, an evaluation) can teach the learner what the
 * router saw. No prompt text: hashed n-gram buckets, numbers and the static estimate only.
 *
 * Bounded: the hashed buckets are masked to the learner's width (the learner masks them the same
 * way, so nothing it would read is lost), duplicates summed, and only the MAX_STORED_SPARSE
 * largest kept; values are rounded to 4 significant digits. Stored as one base64 string (about
 * 1.4 KB): the usage writer serialises every row of every batch, and one string costs a fraction
 * of the ~320 numbers it replaces, in the gateway and in PostgreSQL.
 */
import { DIFFICULTY_DENSE_COUNT } from "../routing/difficulty-features";
import { DEFAULT_LEARNER_OPTIONS, type LearnerFeatures } from "../routing/learning/learned-difficulty";
import { currentLearnerFeatures } from "../routing/learning/learner-features";

/** Hashed buckets kept per request; a long prompt's smallest contributions go first. */
export const MAX_STORED_SPARSE = 128;

/** Widest bucket space a stored row may claim: buckets are stored as 16-bit integers. */
const MAX_BITS = 16;

/** The features as kept, before packing. */
export interface CompactFeatures {
  /** Width the buckets were masked to. */
  bits: number;
  /** Bucket indices in the order the prompt first produced them, distinct, each below 2^bits. */
  idx: number[];
  val: number[];
  dense: number[];
  staticDifficulty: number;
}

/**
 * What the log row keeps. `data` is base64 of, little-endian: bucket count (uint16), dense count
 * (uint16), the buckets (uint16 each), their values (float32 each), the dense cues (float32 each)
 * and the static estimate (float64).
 */
export interface StoredFeatures {
  v: 2;
  bits: number;
  data: string;
}

const HEADER_BYTES = 4;
const packedBytes = (n: number, d: number) => HEADER_BYTES + n * 6 + d * 4 + 8;

/**
 * 4 significant digits: the learner's steps are far coarser than the rounding. Arithmetic rather
 * than toPrecision (a string round trip per value cost more than route() itself); dividing an
 * integer by a power of ten gives the shortest decimal, so the JSON stays short too.
 */
const POW10 = Array.from({ length: 61 }, (_, i) => 10 ** (i - 30));

function round4(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  const e = Math.floor(Math.log10(Math.abs(x)));
  if (e < -26 || e > 33) return x;
  if (e >= 3) {
    const p = POW10[e - 3 + 30]!;
    return Math.round(x / p) * p;
  }
  const p = POW10[3 - e + 30]!;
  return Math.round(x * p) / p;
}

// Scratch for masking and summing (one request at a time; nothing survives a call).
const scratch = { sums: new Float64Array(0), touched: new Int32Array(0), magnitudes: new Float64Array(0) };

function scratchFor(bits: number, n: number): void {
  if (scratch.sums.length !== 1 << bits) scratch.sums = new Float64Array(1 << bits);
  if (scratch.touched.length < n) scratch.touched = new Int32Array(Math.max(n, 256));
  if (scratch.magnitudes.length < n) scratch.magnitudes = new Float64Array(Math.max(n, 256));
}

/** The k-th largest of a[0..n) (1-based k), by quickselect: linear on average. */
function kthLargest(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! > pivot) i++;
      while (a[j]! < pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target]!;
}

/** Masked, summed and bounded as stored. Linear in the prompt's features. */
export function compactFeatures(f: LearnerFeatures, bits: number = DEFAULT_LEARNER_OPTIONS.bits): CompactFeatures {
  const mask = (1 << bits) - 1;
  scratchFor(bits, f.n);
  const sums = scratch.sums;
  const touched = scratch.touched;
  const magnitudes = scratch.magnitudes;
  let count = 0;
  for (let i = 0; i < f.n; i++) {
    const v = f.val[i]!;
    if (!Number.isFinite(v) || v === 0) continue;
    const k = f.idx[i]! & mask;
    if (sums[k] === 0) touched[count++] = k;
    sums[k] = sums[k]! + v;
  }
  // First-seen order: the learner reads them in any order, and sorting cost more than the rest.
  const buckets = touched;
  // Past the limit only entries at least as large as the limit-th largest stay (ties: first seen).
  let threshold = 0;
  if (count > MAX_STORED_SPARSE) {
    for (let i = 0; i < count; i++) magnitudes[i] = Math.abs(sums[buckets[i]!]!);
    threshold = kthLargest(magnitudes, count, MAX_STORED_SPARSE);
  }
  let above = 0;
  if (threshold > 0) for (let i = 0; i < count; i++) if (Math.abs(sums[buckets[i]!]!) > threshold) above++;
  let tiesLeft = MAX_STORED_SPARSE - above;
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = buckets[i]!;
    const v = sums[k]!;
    sums[k] = 0;
    const m = Math.abs(v);
    // A sum may cancel to zero (or drift to a tiny residue): nothing to learn from it.
    if (m === 0 || m < threshold) continue;
    if (m === threshold && threshold > 0) {
      if (tiesLeft === 0) continue;
      tiesLeft--;
    }
    idx.push(k);
    val.push(round4(v));
  }
  const dense: number[] = new Array<number>(f.dense.length);
  for (let j = 0; j < f.dense.length; j++) dense[j] = round4(f.dense[j]!);
  return { bits, idx, val, dense, staticDifficulty: round4(Math.min(1, Math.max(0, f.staticDifficulty))) };
}

/** Packs compact features as stored (no checks: encodeStoredFeatures makes them valid). */
export function packStoredFeatures(c: CompactFeatures): StoredFeatures {
  const n = c.idx.length;
  const d = c.dense.length;
  const buf = Buffer.allocUnsafe(packedBytes(n, d));
  buf.writeUInt16LE(n, 0);
  buf.writeUInt16LE(d, 2);
  let o = HEADER_BYTES;
  for (let i = 0; i < n; i++, o += 2) buf.writeUInt16LE(c.idx[i]!, o);
  for (let i = 0; i < n; i++, o += 4) buf.writeFloatLE(c.val[i]!, o);
  for (let j = 0; j < d; j++, o += 4) buf.writeFloatLE(c.dense[j]!, o);
  buf.writeDoubleLE(c.staticDifficulty, o);
  return { v: 2, bits: c.bits, data: buf.toString("base64") };
}

/** Runs in the usage writer's batches, off the request's path (or on it for a long prompt, see below). */
export function encodeStoredFeatures(f: LearnerFeatures, bits: number = DEFAULT_LEARNER_OPTIONS.bits): StoredFeatures {
  if (bits > MAX_BITS) throw new Error(`stored features hold buckets of at most ${MAX_BITS} bits`);
  return packStoredFeatures(compactFeatures(f, bits));
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
  if (o.v !== 2) return null;
  const { bits, data } = o;
  if (typeof bits !== "number" || !Number.isInteger(bits) || bits < 1 || bits > MAX_BITS) return null;
  // Bounded before decoding: base64 of the largest row this module writes.
  if (typeof data !== "string" || data.length > Math.ceil(packedBytes(MAX_STORED_SPARSE, denseCount) / 3) * 4) return null;
  const buf = Buffer.from(data, "base64");
  if (buf.length < HEADER_BYTES) return null;
  const n = buf.readUInt16LE(0);
  if (n > MAX_STORED_SPARSE || buf.readUInt16LE(2) !== denseCount || buf.length !== packedBytes(n, denseCount)) return null;
  const limit = 2 ** bits;
  const idx = new Array<number>(n);
  const val = new Array<number>(n);
  const dense = new Array<number>(denseCount);
  let o2 = HEADER_BYTES;
  for (let i = 0; i < n; i++, o2 += 2) if ((idx[i] = buf.readUInt16LE(o2)) >= limit) return null;
  for (let i = 0; i < n; i++, o2 += 4) if (!isFiniteNumber((val[i] = buf.readFloatLE(o2)))) return null;
  for (let j = 0; j < denseCount; j++, o2 += 4) if (!isFiniteNumber((dense[j] = buf.readFloatLE(o2)))) return null;
  const staticDifficulty = buf.readDoubleLE(o2);
  if (!isFiniteNumber(staticDifficulty) || staticDifficulty < 0 || staticDifficulty > 1) return null;
  return { idx, val, n, dense, staticDifficulty };
}

function copyOf(a: ArrayLike<number>, n: number): ArrayLike<number> {
  return ArrayBuffer.isView(a) ? (a as unknown as Float64Array).slice(0, n) : Array.prototype.slice.call(a, 0, n);
}

/** Prompts with more hashed features than this are encoded at once rather than copied. */
const COPY_LIMIT = 2 * MAX_STORED_SPARSE;

/**
 * The learner features of the request route() has just classified (the router's scratch buffers,
 * valid until the next classification), or null when it had no user text to learn from. Runs on
 * the request's path: a short prompt's features are only copied (a few small typed-array copies)
 * and the usage writer encodes them; a long prompt's are encoded here, so that a record waiting in
 * the writer's queue holds a bounded amount whatever the prompt (encoding again changes nothing).
 */
export function routedRequestFeatures(staticDifficulty: number): LearnerFeatures | null {
  const f = currentLearnerFeatures(staticDifficulty);
  if (f.n === 0) return null;
  if (f.n > COPY_LIMIT) {
    const c = compactFeatures(f);
    return { idx: c.idx, val: c.val, n: c.idx.length, dense: c.dense, staticDifficulty: c.staticDifficulty };
  }
  return { idx: copyOf(f.idx, f.n), val: copyOf(f.val, f.n), n: f.n, dense: copyOf(f.dense, f.dense.length), staticDifficulty };
}
