import { describe, expect, it } from "vitest";
import { createRandom } from "../../random/mulberry32";
import { foldStack, sourceGroup, trainStackParts, type GroupedExample } from "./stack-classifier";
import { scoreExample, type TrainOptions } from "./train-softmax";

const BUCKETS = 64;
const train: TrainOptions = { classes: 2, buckets: BUCKETS, dense: 1, epochs: 6, learningRate: 0.2, l2: 1e-5, seed: 1 };

/**
 * Sources with their own idiom (bucket 2·source + label) and a shared one (bucket 40 + label, on
 * 60% of rows), and a heuristic cue (0.8 against 0.2, with noise) that holds everywhere.
 */
function rows(sources: number[], n: number, seed: number): GroupedExample[] {
  const rand = createRandom(seed);
  return sources.flatMap((source) =>
    Array.from({ length: n }, (_, i) => {
      const label = i % 2;
      const shared = rand() < 0.6;
      const cue = (label === 1 ? 0.8 : 0.2) + (rand() - 0.5) * 0.5;
      return {
        idx: shared ? Int32Array.of(2 * source + label, 40 + label) : Int32Array.of(2 * source + label),
        val: shared ? Float32Array.of(0.7, 0.7) : Float32Array.of(1),
        dense: Float32Array.of(cue), label, weight: 1, group: sourceGroup(`s${source}`, 3),
      };
    }),
  );
}

describe("stacked classifier training", () => {
  it("folds the n-gram model and the combiner into one linear model that scores as the two stages do", () => {
    const examples = rows([0, 1, 2, 3, 4, 5], 40, 7);
    const parts = trainStackParts(examples, train, { groups: 3, scale: 0.5 });
    const folded = foldStack(parts);
    expect([folded.sparse.length, folded.denseW.length, folded.bias.length]).toEqual([BUCKETS * 2, 2, 2]);
    const logits = new Float64Array(2);
    const staged = new Float64Array(2);
    const direct = new Float64Array(2);
    for (const e of examples.slice(0, 20)) {
      scoreExample(parts.ngrams, { ...e, dense: new Float32Array(0) }, logits);
      scoreExample(parts.combiner, { idx: new Int32Array(0), val: new Float32Array(0), dense: Float32Array.of(e.dense[0]!, logits[0]! * 0.5, logits[1]! * 0.5) }, staged);
      scoreExample(folded, e, direct);
      for (let k = 0; k < 2; k++) expect(direct[k]).toBeCloseTo(staged[k]!, 4);
    }
  });

  it("weighs the n-gram logits by how they do on sources they did not see", () => {
    const examples = rows([0, 1, 2, 3, 4, 5], 60, 3);
    const { combiner } = trainStackParts(examples, train, { groups: 3, scale: 0.5 });
    // The out-of-group logits carry the shared idiom: the combiner trusts them (class 1's logit
    // counts for class 1), and the cue as well.
    const weight = (input: number, k: number) => combiner.denseW[input * 2 + k]!;
    expect(weight(2, 1) - weight(2, 0)).toBeGreaterThan(0);
    expect(weight(0, 1) - weight(0, 0)).toBeGreaterThan(0);
  });

  it("splits the rows of a single source by position, so its n-grams still count", () => {
    const examples = rows([0], 120, 5).map((e) => ({ ...e, dense: Float32Array.of(0.5), group: 0 }));
    const w = foldStack(trainStackParts(examples, train, { groups: 3, scale: 0.5 }));
    const out = new Float64Array(2);
    const right = examples.filter((e) => (scoreExample(w, e, out), (out[1]! > out[0]! ? 1 : 0) === e.label)).length;
    expect(right / examples.length).toBeGreaterThan(0.95);
  });
});
