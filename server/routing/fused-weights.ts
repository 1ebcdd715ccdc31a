import type { DecodedLinear } from "./model-codec";

/**
 * The classifier's and the difficulty model's hashed-feature weights interleaved in one int16 table:
 * row b holds the classifier's K weights for bucket b, then the difficulty weight, padded to
 * `stride` (8 for up to 7 labels: 16 bytes, four rows per cache line). Both artefacts already store
 * these weights as int16 with one scale each, so the values are exactly the stored ones; scoring
 * multiplies by the scale once per sum instead of once per weight.
 *
 * Why: the sparse dot products read one random row per hashed feature (about 3,000 per 4,000-character
 * prompt). The float32 classifier table is 2.6 MB; this one is 2 MB, 16-byte aligned rows, and the
 * same pass yields the difficulty sum (the difficulty model hashes into 2^14 buckets, the low bits of
 * the classifier's bucket).
 */
export interface FusedWeights {
  classes: number;
  stride: number;
  mask: number;
  table: Int16Array;
  classifierScale: number;
  difficultyScale: number;
  /** The difficulty weights this table was built from. */
  difficulty: DecodedLinear;
}

const cache = new WeakMap<DecodedLinear, FusedWeights>();

/** Fused table for a classifier and a difficulty model, or null when they cannot share one. */
export function fusedWeights(classifier: DecodedLinear, difficulty: DecodedLinear): FusedWeights | null {
  const hit = cache.get(classifier);
  if (hit && hit.difficulty === difficulty) return hit;
  const K = classifier.classes;
  if (!classifier.sparseQ || !difficulty.sparseQ || difficulty.buckets > classifier.buckets || difficulty.classes !== 1 || K > 7) return null;
  const stride = 8;
  const buckets = classifier.buckets;
  const table = new Int16Array(buckets * stride);
  const cq = classifier.sparseQ;
  const dq = difficulty.sparseQ;
  for (let b = 0; b < buckets; b++) {
    for (let k = 0; k < K; k++) table[b * stride + k] = cq[b * K + k]!;
    // Difficulty hashes into fewer buckets: its bucket is the low bits of the classifier's.
    table[b * stride + K] = dq[b & (difficulty.buckets - 1)]!;
  }
  const fused: FusedWeights = {
    classes: K,
    stride,
    mask: buckets - 1,
    table,
    classifierScale: classifier.sparseScale ?? 1,
    difficultyScale: difficulty.sparseScale ?? 1,
    difficulty,
  };
  cache.set(classifier, fused);
  return fused;
}
