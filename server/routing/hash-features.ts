/**
 * Hashed sparse text features shared by training and inference:
 * word unigrams, word bigrams and character 3-4-grams over normalised text
 * (lower case, digits folded to "0", whitespace collapsed). CJK characters count as words.
 * Each namespace is scaled by weight/sqrt(count) so long and short texts weigh alike.
 */
export const FEATURE_BITS = 17;
export const FEATURE_BUCKETS = 1 << FEATURE_BITS;
const MASK = FEATURE_BUCKETS - 1;

export interface FeatureSink {
  idx: Int32Array;
  val: Float32Array;
  n: number;
}

export function createSink(capacity = 1 << 15): FeatureSink {
  return { idx: new Int32Array(capacity), val: new Float32Array(capacity), n: 0 };
}

function grow(sink: FeatureSink, need: number): void {
  if (sink.n + need <= sink.idx.length) return;
  let cap = sink.idx.length * 2;
  while (cap < sink.n + need) cap *= 2;
  const idx = new Int32Array(cap);
  idx.set(sink.idx.subarray(0, sink.n));
  const val = new Float32Array(cap);
  val.set(sink.val.subarray(0, sink.n));
  sink.idx = idx;
  sink.val = val;
}

function finalize(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & MASK;
}

const FNV = 0x811c9dc5;
const PRIME = 16777619;
let norm = new Uint16Array(4096);
let words: Int32Array = new Int32Array(1024);

function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff);
}
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c > 127 && !isCjk(c) && c !== 0x2026)
  );
}

const GRAM3_SEED = Math.imul(FNV ^ 3, PRIME);

// One-entry cache: the last user turn is lower-cased here and again for the difficulty cues.
let lastText = "";
let lastLower = "";
/** `text.toLowerCase()`, reusing the previous result for the same text (a pure function's cache). */
export function lowerCase(text: string): string {
  if (text !== lastText) {
    lastLower = text.toLowerCase();
    lastText = text;
  }
  return lastLower;
}

/** Append features of `text` with namespace weight `weight` to the sink. */
export function addTextFeatures(text: string, weight: number, sink: FeatureSink): void {
  if (text.length === 0 || weight === 0) return;
  const lower = lowerCase(text);
  if (norm.length < lower.length + 2) norm = new Uint16Array(lower.length * 2 + 2);
  const nm = norm;
  let len = 0;
  let prevSpace = true;
  nm[len++] = 32;
  // Normalise (whitespace collapsed, digits folded) and count words in the same pass.
  let nw = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    let c = lower.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      if (prevSpace) continue;
      c = 32;
      prevSpace = true;
    } else {
      prevSpace = false;
      if (c >= 48 && c <= 57) c = 48;
    }
    nm[len++] = c;
  }
  if (!prevSpace) nm[len++] = 32;

  // Character 3- and 4-grams (5-grams added cost and mostly memorised source idioms).
  const nChar = Math.max(0, len - 2) + Math.max(0, len - 3);
  if (nChar > 0) {
    grow(sink, nChar);
    const v = weight / Math.sqrt(nChar);
    const { idx, val } = sink;
    const start = sink.n;
    let n = start;
    const last = len - 3;
    for (let i = 0; i + 2 < len; i++) {
      let h = Math.imul(GRAM3_SEED ^ nm[i]!, PRIME);
      h = Math.imul(h ^ nm[i + 1]!, PRIME);
      h = Math.imul(h ^ nm[i + 2]!, PRIME);
      idx[n++] = finalize(h);
      if (i < last) {
        h = Math.imul(h ^ nm[i + 3]!, PRIME);
        idx[n++] = finalize(h ^ 0x9e3779b9);
      }
    }
    val.fill(v, start, n);
    sink.n = n;
  }

  // Words (CJK characters are single-character words).
  let h = 0;
  let wd = words;
  for (let i = 0; i < len; i++) {
    const c = nm[i]!;
    if (isCjk(c)) {
      if (nw + 2 > wd.length) wd = words = growWords(wd);
      if (inWord) {
        wd[nw++] = h;
        inWord = false;
      }
      wd[nw++] = Math.imul((FNV ^ 1) ^ c, PRIME);
    } else if (isWordChar(c)) {
      if (!inWord) {
        h = FNV ^ 1;
        inWord = true;
      }
      h = Math.imul(h ^ c, PRIME);
    } else if (inWord) {
      if (nw >= wd.length) wd = words = growWords(wd);
      wd[nw++] = h;
      inWord = false;
    }
  }
  if (inWord) {
    if (nw >= wd.length) wd = words = growWords(wd);
    wd[nw++] = h;
  }
  if (nw > 0) {
    grow(sink, 2 * nw);
    const { idx, val } = sink;
    let n = sink.n;
    const vu = weight / Math.sqrt(nw);
    const startU = n;
    for (let i = 0; i < nw; i++) idx[n++] = finalize(wd[i]! ^ 0x51ed270b);
    val.fill(vu, startU, n);
    if (nw > 1) {
      const vb = weight / Math.sqrt(nw - 1);
      const startB = n;
      for (let i = 1; i < nw; i++) idx[n++] = finalize(Math.imul(wd[i - 1]!, 0x27d4eb2f) ^ wd[i]! ^ 0x2545f491);
      val.fill(vb, startB, n);
    }
    sink.n = n;
  }
}

function growWords(w: Int32Array): Int32Array {
  const next = new Int32Array(w.length * 2);
  next.set(w);
  return next;
}
