/**
 * Stacked training of the category classifier, for prompt styles it has never seen.
 *
 * Trained jointly, the hashed n-grams learn each training source's idiom and speak with the
 * confidence they have on that source; on a tenant's prompts in another style they are far less
 * reliable, and the heuristics cannot outvote them. Stacking teaches the combination how much to
 * trust the n-grams on a style they did not see:
 *
 * 1. the training sources are split into groups; for each group an n-gram-only model is trained
 *    on the other groups and scores the group's rows (out-of-group logits: n-gram evidence on
 *    sources it never saw);
 * 2. a combiner over the heuristics and those logits is trained on every row;
 * 3. an n-gram-only model trained on every row takes the out-of-group models' place.
 *
 * The combiner is linear in the logits and the logits are linear in the features, so the result
 * folds back into one linear model of the usual shape: inference, the artefact format and the
 * decision time do not change.
 */
import { fnv1a } from "./metrics";
import { trainLinear, scoreExample, type LinearWeights, type SparseExample, type TrainOptions } from "./train-softmax";

export interface GroupedExample extends SparseExample {
  /** The example's source group, 0 .. groups − 1 (all rows of one source in one group). */
  group: number;
}

export interface StackOptions {
  groups: number;
  /** Scale of the n-gram logits as combiner inputs (keeps them in the heuristics' range for the shared learning rate). */
  scale: number;
}

/** A source's group: a stable hash of its name, so that every fold and run splits alike. */
export function sourceGroup(source: string, groups: number): number {
  return fnv1a(source) % groups;
}

const NO_DENSE = new Float32Array(0);
const NO_SPARSE = { idx: new Int32Array(0), val: new Float32Array(0) };

/** The two stages: the n-gram-only model over every row, and the combiner over [heuristics, scale × its logits]. */
export interface StackParts {
  ngrams: LinearWeights;
  combiner: LinearWeights;
  scale: number;
}

export function trainStacked(examples: GroupedExample[], train: TrainOptions, stack: StackOptions): LinearWeights {
  return foldStack(trainStackParts(examples, train, stack));
}

export function trainStackParts(examples: GroupedExample[], train: TrainOptions, stack: StackOptions): StackParts {
  const K = train.classes;
  const H = train.dense;
  const sparseOnly = (rows: GroupedExample[]) => trainLinear(rows.map((e) => ({ ...e, dense: NO_DENSE })), { ...train, dense: 0, sparseDropout: 0 });

  // Rows of one source (a tenant's own labelled prompts) are split by position instead: without a
  // second group no model would score them out of group, and the combiner would drop the n-grams.
  const oneGroup = new Set(examples.map((e) => e.group)).size < 2;
  const groupOf = (e: GroupedExample, i: number) => (oneGroup ? i % stack.groups : e.group);
  const outOfGroup = examples.map(() => new Float64Array(K));
  for (let g = 0; g < stack.groups; g++) {
    const held = examples.map((e, i) => [e, i] as const).filter(([e, i]) => groupOf(e, i) === g);
    if (held.length === 0) continue;
    const model = sparseOnly(examples.filter((e, i) => groupOf(e, i) !== g));
    for (const [e, i] of held) scoreExample(model, { ...e, dense: NO_DENSE }, outOfGroup[i]!);
  }
  const combinerInputs = (e: SparseExample, logits: ArrayLike<number>) => {
    const d = new Float32Array(H + K);
    d.set(e.dense);
    for (let k = 0; k < K; k++) d[H + k] = logits[k]! * stack.scale;
    return d;
  };
  const combiner = trainLinear(
    examples.map((e, i) => ({ ...e, ...NO_SPARSE, dense: combinerInputs(e, outOfGroup[i]!) })),
    { ...train, buckets: 1, dense: H + K, sparseDropout: 0 },
  );
  return { ngrams: sparseOnly(examples), combiner, scale: stack.scale };
}

/** The stages as one linear model over the usual features. */
export function foldStack({ ngrams: full, combiner, scale }: StackParts): LinearWeights {
  const K = full.classes;
  const H = combiner.dense - K;
  // Fold: out_c = b_c + Σ_j dense_j·W_jc + Σ_k scale·(sb_k + Σ_i v_i·S_ik)·A_kc.
  const A = (k: number, c: number) => combiner.denseW[(H + k) * K + c]! * scale;
  const sparse = new Float32Array(full.sparse.length);
  for (let b = 0; b < full.buckets; b++) {
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += full.sparse[b * K + k]! * A(k, c);
      sparse[b * K + c] = s;
    }
  }
  const bias = new Float32Array(K);
  for (let c = 0; c < K; c++) {
    let s = combiner.bias[c]!;
    for (let k = 0; k < K; k++) s += full.bias[k]! * A(k, c);
    bias[c] = s;
  }
  return { classes: K, buckets: full.buckets, dense: H, sparse, denseW: combiner.denseW.slice(0, H * K), bias };
}

/**
 * share × a + (1 − share) × b, weight by weight: the logits of two models of one feature space
 * averaged, which is again one linear model.
 */
export function mixLinear(a: LinearWeights, b: LinearWeights, share: number): LinearWeights {
  const mix = (x: Float32Array, y: Float32Array) => x.map((v, i) => share * v + (1 - share) * y[i]!);
  return { ...a, sparse: mix(a.sparse, b.sparse), denseW: mix(a.denseW, b.denseW), bias: mix(a.bias, b.bias) };
}
