import { describe, expect, it } from "vitest";
import { createRandom } from "../../random/mulberry32";
import { DIFFICULTY_DENSE_COUNT } from "../difficulty-features";
import { compareLoso, dedupeAcrossSources, gapCurve } from "./build-difficulty";
import {
  consistentCues,
  fitDifficulty,
  losoDifficulty,
  questionKey,
  rawDifficultyScore,
  targetValue,
  type DifficultyFeatures,
  type DifficultyFitOptions,
  type SourcedDifficultyRow,
} from "./loso-difficulty";

const OPTIONS: DifficultyFitOptions = {
  epochs: 4,
  learningRate: 0.05,
  l2: 1e-4,
  seed: 7,
  target: "weak_wrong",
  balanceSources: true,
  sourceIntercepts: true,
  sparse: false,
  consistentCues: 0,
  combiner: "logistic",
};

/**
 * Three synthetic sources with one planted rule shared by all (dense cue 0 high: the weaker model
 * fails, the stronger does not) and one cue that only tells the sources apart (cue 1 is the
 * source's index, and sources with a higher index have a weaker model that fails more often).
 */
function syntheticRows(): { rows: SourcedDifficultyRow[]; features: (r: SourcedDifficultyRow) => DifficultyFeatures } {
  const rand = createRandom(11);
  const feats = new Map<string, DifficultyFeatures>();
  const rows: SourcedDifficultyRow[] = [];
  ["alpha", "beta", "gamma"].forEach((source, s) => {
    for (let i = 0; i < 600; i++) {
      const dense = new Float32Array(DIFFICULTY_DENSE_COUNT);
      dense[0] = rand();
      dense[1] = s / 2;
      const hard = dense[0]! > 0.6;
      const weak = rand() < (hard ? 0.15 : 0.95 - 0.15 * s) ? 1 : 0;
      const strong = rand() < 0.9 ? 1 : 0;
      const id = `${source}-${i}`;
      rows.push({ id, source, prompt: `${source} question ${i}`, strong_correct: strong, weak_correct: weak });
      feats.set(id, { idx: new Int32Array(0), val: new Float32Array(0), dense });
    }
  });
  return { rows, features: (r) => feats.get(r.id)! };
}

describe("difficulty targets", () => {
  it("maps outcomes to labels in [0, 1]", () => {
    expect(targetValue({ strong_correct: 1, weak_correct: 0 }, "weak_wrong")).toBe(1);
    expect(targetValue({ strong_correct: 0, weak_correct: 0 }, "weak_wrong")).toBe(1);
    expect(targetValue({ strong_correct: 0, weak_correct: 0 }, "gap")).toBe(0.5);
    expect(targetValue({ strong_correct: 1, weak_correct: 0 }, "gap")).toBe(1);
    expect(targetValue({ strong_correct: 0, weak_correct: 1 }, "gap")).toBe(0);
    expect(targetValue({ strong_correct: 0, weak_correct: 0 }, "blend")).toBe(0.75);
    expect(targetValue({ strong_correct: 0.8, weak_correct: 0.4 }, "gap")).toBeCloseTo(0.7, 10);
  });
});

describe("questions shared between sources", () => {
  it("keys a question by its first words, ignoring case, punctuation and layout", () => {
    expect(questionKey("What is 2+2?\nA) 3\nB) 4")).toBe(questionKey("what is 2 + 2 ? A) 3 B) 4"));
    expect(questionKey("What is 2+2?")).not.toBe(questionKey("What is 2+3?"));
  });

  it("keeps a question once, in the first source by name", () => {
    const row = (id: string, source: string, prompt: string) => ({ id, source, prompt, strong_correct: 1, weak_correct: 0 });
    const kept = dedupeAcrossSources([row("b-1", "b", "Same question"), row("a-1", "a", "same  QUESTION"), row("b-2", "b", "Other")]);
    expect(kept.map((r) => r.id)).toEqual(["a-1", "b-2"]);
  });
});

describe("fitting across sources", () => {
  const { rows, features } = syntheticRows();

  it("learns the shared rule and ships no per-source intercepts", () => {
    const w = fitDifficulty(rows, features, OPTIONS);
    expect(w.denseW.length).toBe(DIFFICULTY_DENSE_COUNT);
    const easy = rawDifficultyScore(w, { idx: new Int32Array(0), val: new Float32Array(0), dense: new Float32Array(DIFFICULTY_DENSE_COUNT) });
    const hardDense = new Float32Array(DIFFICULTY_DENSE_COUNT);
    hardDense[0] = 1;
    expect(rawDifficultyScore(w, { idx: new Int32Array(0), val: new Float32Array(0), dense: hardDense })).toBeGreaterThan(easy + 1);
  });

  it("source intercepts absorb what only tells the sources apart", () => {
    const plain = fitDifficulty(rows, features, { ...OPTIONS, sourceIntercepts: false });
    const withIntercepts = fitDifficulty(rows, features, OPTIONS);
    expect(Math.abs(withIntercepts.denseW[1]!)).toBeLessThan(Math.abs(plain.denseW[1]!));
  });

  it("scores every source with a model that never saw it, well above chance on the planted rule", () => {
    const report = losoDifficulty(rows, features, OPTIONS);
    expect(Object.keys(report.perSource)).toEqual(["alpha", "beta", "gamma"]);
    for (const v of Object.values(report.perSource)) {
      expect(v.trainRows).toBe(1200);
      expect(v.apgr).toBeGreaterThan(0.6);
    }
    expect(report.min).toBe(Math.min(...Object.values(report.perSource).map((v) => v.apgr)));
  });

  it("is deterministic", () => {
    const a = fitDifficulty(rows, features, OPTIONS);
    const b = fitDifficulty(rows, features, OPTIONS);
    expect(Array.from(a.denseW)).toEqual(Array.from(b.denseW));
  });

  it("keeps only cues that rank the same way in every source; the unit-weighted model uses them alone", () => {
    const signs = consistentCues(rows, features, 0.03);
    expect(signs[0]).toBe(1);
    expect(signs.filter((s) => s !== 0)).toHaveLength(1);
    const w = fitDifficulty(rows, features, { ...OPTIONS, combiner: "equal", consistentCues: 0.03 });
    expect(w.denseW[0]!).toBeGreaterThan(0);
    expect(Array.from(w.denseW).filter((x) => x !== 0)).toHaveLength(1);
    const both = fitDifficulty(rows, features, { ...OPTIONS, combiner: "both" });
    expect(both.denseW[0]!).toBeGreaterThan(0);
  });
});

describe("selection and the gap curve", () => {
  it("prefers the higher minimum over sources, then the higher mean", () => {
    const c = [{ min: 0.55, mean: 0.7 }, { min: 0.58, mean: 0.6 }, { min: 0.58, mean: 0.62 }];
    expect([...c].sort(compareLoso)[0]).toEqual({ min: 0.58, mean: 0.62 });
  });

  it("is non-decreasing and 1 on average for a planted gap", () => {
    const diff = Array.from({ length: 1000 }, (_, i) => i / 999);
    const rows = diff.map((d, i) => ({ strong_correct: 1, weak_correct: d > 0.5 || i % 3 === 0 ? 0 : 1 }));
    const curve = gapCurve(diff, rows);
    for (let i = 1; i < curve.length; i++) expect(curve[i]![1]).toBeGreaterThanOrEqual(curve[i - 1]![1]);
    expect(curve[curve.length - 1]![1]).toBeGreaterThan(curve[0]![1]);
  });
});
