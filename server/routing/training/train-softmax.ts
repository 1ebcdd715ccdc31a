import { createRandom } from "../../random/mulberry32";
import { shuffledIndices } from "./seeded-random";

/** One training example: sparse hashed features, dense heuristic features, label, weight. */
export interface SparseExample {
  idx: Int32Array;
  val: Float32Array;
  dense: Float32Array;
  label: number;
  weight: number;
}

export interface LinearWeights {
  classes: number;
  buckets: number;
  dense: number;
  /** buckets * classes, row-major by bucket. */
  sparse: Float32Array;
  /** dense * classes. */
  denseW: Float32Array;
  bias: Float32Array;
}

export interface TrainOptions {
  classes: number;
  buckets: number;
  dense: number;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * Probability of hiding an example's sparse (hashed n-gram) features for one epoch, so the
   * dense heuristics must carry the label on their own too (feature-group dropout; 0 = off).
   */
  sparseDropout?: number;
  /** L2 on the dense heuristic weights (defaults to `l2`). */
  denseL2?: number;
}

export function scoreExample(w: LinearWeights, ex: Pick<SparseExample, "idx" | "val" | "dense">, out: Float64Array): void {
  const K = w.classes;
  const mask = w.buckets - 1;
  for (let k = 0; k < K; k++) out[k] = w.bias[k]!;
  for (let i = 0; i < ex.idx.length; i++) {
    const base = (ex.idx[i]! & mask) * K;
    const v = ex.val[i]!;
    for (let k = 0; k < K; k++) out[k] = out[k]! + w.sparse[base + k]! * v;
  }
  for (let j = 0; j < ex.dense.length; j++) {
    const v = ex.dense[j]!;
    if (v === 0) continue;
    const base = j * K;
    for (let k = 0; k < K; k++) out[k] = out[k]! + w.denseW[base + k]! * v;
  }
}

export function softmaxInPlace(s: Float64Array, K: number, temperature = 1): void {
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, s[k]! / temperature);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    s[k] = Math.exp(s[k]! / temperature - max);
    sum += s[k]!;
  }
  for (let k = 0; k < K; k++) s[k] = s[k]! / sum;
}

/**
 * Multinomial logistic regression (binary logistic when classes = 1) trained with AdaGrad SGD,
 * L2 on touched weights, seeded shuffling: same inputs -> same weights.
 */
export function trainLinear(examples: SparseExample[], opt: TrainOptions): LinearWeights {
  const K = opt.classes;
  const mask = opt.buckets - 1;
  const w: LinearWeights = {
    classes: K,
    buckets: opt.buckets,
    dense: opt.dense,
    sparse: new Float32Array(opt.buckets * K),
    denseW: new Float32Array(opt.dense * K),
    bias: new Float32Array(K),
  };
  const gSparse = new Float32Array(opt.buckets * K);
  const gDense = new Float32Array(opt.dense * K);
  const gBias = new Float32Array(K);
  const rand = createRandom(opt.seed);
  const s = new Float64Array(Math.max(K, 1));
  const grad = new Float64Array(Math.max(K, 1));
  const eps = 1e-8;
  const lr = opt.learningRate;
  const dropout = opt.sparseDropout ?? 0;
  const denseL2 = opt.denseL2 ?? opt.l2;
  const noSparse = { idx: new Int32Array(0), val: new Float32Array(0) };
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    const order = shuffledIndices(examples.length, rand);
    for (let oi = 0; oi < order.length; oi++) {
      const full = examples[order[oi]!]!;
      const ex = dropout > 0 && rand() < dropout ? { ...full, ...noSparse } : full;
      scoreExample(w, ex, s);
      if (K === 1) {
        const p = 1 / (1 + Math.exp(-s[0]!));
        grad[0] = (p - ex.label) * ex.weight;
      } else {
        softmaxInPlace(s, K);
        for (let k = 0; k < K; k++) grad[k] = (s[k]! - (k === ex.label ? 1 : 0)) * ex.weight;
      }
      for (let k = 0; k < K; k++) {
        const g = grad[k]!;
        gBias[k] = gBias[k]! + g * g;
        w.bias[k] = w.bias[k]! - (lr * g) / Math.sqrt(gBias[k]! + eps);
      }
      for (let i = 0; i < ex.idx.length; i++) {
        const base = (ex.idx[i]! & mask) * K;
        const v = ex.val[i]!;
        for (let k = 0; k < K; k++) {
          const p = base + k;
          const g = grad[k]! * v + opt.l2 * w.sparse[p]!;
          gSparse[p] = gSparse[p]! + g * g;
          w.sparse[p] = w.sparse[p]! - (lr * g) / Math.sqrt(gSparse[p]! + eps);
        }
      }
      for (let j = 0; j < ex.dense.length; j++) {
        const v = ex.dense[j]!;
        if (v === 0) continue;
        const base = j * K;
        for (let k = 0; k < K; k++) {
          const p = base + k;
          const g = grad[k]! * v + denseL2 * w.denseW[p]!;
          gDense[p] = gDense[p]! + g * g;
          w.denseW[p] = w.denseW[p]! - (lr * g) / Math.sqrt(gDense[p]! + eps);
        }
      }
    }
  }
  return w;
}

/** Temperature minimising the negative log-likelihood of held-out logits (grid search). */
export function fitTemperature(logits: Float64Array[], labels: number[], K: number): number {
  let best = 1;
  let bestNll = Infinity;
  const s = new Float64Array(K);
  for (let t = 0.25; t <= 6.0001; t += 0.05) {
    let nll = 0;
    for (let i = 0; i < logits.length; i++) {
      s.set(logits[i]!);
      softmaxInPlace(s, K, t);
      nll -= Math.log(Math.max(1e-12, s[labels[i]!]!));
    }
    if (nll < bestNll - 1e-9) {
      bestNll = nll;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}
