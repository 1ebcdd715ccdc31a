import { describe, expect, it } from "vitest";
import { createRandom } from "../../random/mulberry32";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../defaults";
import { route } from "../route";
import { computeApgr } from "../training/metrics";
import {
  ALL_CATEGORIES, createLearner, decodeLearner, DEFAULT_LEARNER_OPTIONS, encodeLearner, learnDifficulty, predictDifficulty,
  type LearnerFeatures,
} from "./learned-difficulty";
import { learnerFeaturesOf } from "./learner-features";
import { replayTraffic, type ReplayRow } from "./replay-traffic";

const DENSE = 6;

/**
 * A stream with a planted rule: the cheaper model fails on 5 of 40 topics (a hashed feature) and
 * when dense cue 0 is high; the better model fails 10 % of the time everywhere. The static estimate
 * is noise, so only learning can rank.
 */
function stream(n: number, seed: number) {
  const rand = createRandom(seed);
  return Array.from({ length: n }, () => {
    const topic = Math.floor(rand() * 40);
    const dense = Array.from({ length: DENSE }, () => rand());
    const features: LearnerFeatures = { idx: [topic * 7919], val: [1], n: 1, dense, staticDifficulty: rand() };
    const hard = topic < 5 || dense[0]! > 0.8;
    const cheaper = rand() < (hard ? 0.2 : 0.85) ? 1 : 0;
    const better = rand() < 0.9 ? 1 : 0;
    return { features, cheaper, better };
  });
}

describe("learned difficulty", () => {
  it("beats a random order on a stream with a planted rule, from partial feedback and a 5 % evaluation share", () => {
    // The learned ranking alone: the static estimate of this stream is noise, so blending it in would only dilute.
    const l = createLearner({ ...DEFAULT_LEARNER_OPTIONS, staticBlend: 0 }, DENSE);
    const rand = createRandom(99);
    for (const r of stream(3000, 1)) {
      // Half the requests go to each model; 5 % are evaluated (both outcomes).
      const evaluated = rand() < 0.05;
      const servedBetter = rand() < 0.5;
      learnDifficulty(l, {
        category: "math", features: r.features,
        better: servedBetter || evaluated ? r.better : undefined,
        cheaper: !servedBetter || evaluated ? r.cheaper : undefined,
      });
    }
    const test = stream(2000, 2);
    const scores = test.map((r) => predictDifficulty(l, "math", r.features)!.difficulty);
    const apgr = computeApgr(scores, test.map((r) => r.better), test.map((r) => r.cheaper));
    // A random order scores 0.5 (standard deviation about 0.02 on 2,000 requests).
    expect(apgr).toBeGreaterThan(0.58);
    // The static estimate of this stream is noise: about 0.5.
    expect(computeApgr(test.map((r) => r.features.staticDifficulty), test.map((r) => r.better), test.map((r) => r.cheaper))).toBeLessThan(0.56);
  });

  it("averages the learned percentile with the static estimate by its blend share", () => {
    const only = createLearner({ ...DEFAULT_LEARNER_OPTIONS, staticBlend: 0 }, DENSE);
    const blended = createLearner({ ...DEFAULT_LEARNER_OPTIONS, staticBlend: 0.25 }, DENSE);
    for (const l of [only, blended]) for (const r of stream(400, 6)) learnDifficulty(l, { category: "math", features: r.features, better: r.better, cheaper: r.cheaper });
    for (const r of stream(20, 7)) {
      const learned = predictDifficulty(only, "math", r.features)!.difficulty;
      const expected = 0.75 * learned + 0.25 * r.features.staticDifficulty;
      // Each figure is rounded to three decimals.
      expect(Math.abs(predictDifficulty(blended, "math", r.features)!.difficulty - expected)).toBeLessThanOrEqual(0.001);
    }
  });

  it("answers only once it has seen enough, from the category's learner or the tenant-wide one", () => {
    const l = createLearner(DEFAULT_LEARNER_OPTIONS, DENSE);
    const data = stream(DEFAULT_LEARNER_OPTIONS.minRequests, 3);
    data.slice(0, -1).forEach((r) => learnDifficulty(l, { category: "math", features: r.features, better: r.better, cheaper: r.cheaper }));
    expect(predictDifficulty(l, "math", data[0]!.features)).toBeNull();
    const last = data[data.length - 1]!;
    learnDifficulty(l, { category: "math", features: last.features, better: last.better, cheaper: last.cheaper });
    expect(predictDifficulty(l, "math", data[0]!.features)).toMatchObject({ learner: "math", requests: DEFAULT_LEARNER_OPTIONS.minRequests });
    // A category with no evidence of its own borrows the tenant-wide learner.
    expect(predictDifficulty(l, "coding", data[0]!.features)).toMatchObject({ learner: ALL_CATEGORIES });
    // A request without outcomes teaches nothing.
    learnDifficulty(l, { category: "science", features: last.features });
    expect(l.categories.has("science")).toBe(false);
  });

  it("is deterministic and round-trips through plain JSON", () => {
    const a = createLearner(DEFAULT_LEARNER_OPTIONS, DENSE);
    const b = createLearner(DEFAULT_LEARNER_OPTIONS, DENSE);
    for (const l of [a, b]) for (const r of stream(400, 4)) learnDifficulty(l, { category: "math", features: r.features, cheaper: r.cheaper });
    const json = JSON.stringify(encodeLearner(a));
    expect(json).toBe(JSON.stringify(encodeLearner(b)));
    const back = decodeLearner(JSON.parse(json));
    expect(JSON.stringify(encodeLearner(back))).toBe(json);
    for (const r of stream(20, 5)) expect(predictDifficulty(back, "math", r.features)).toEqual(predictDifficulty(a, "math", r.features));
    // A learner stored before an option existed takes that option's default.
    const stored = JSON.parse(json) as { options: Record<string, unknown> };
    delete stored.options.staticBlend;
    expect(decodeLearner(stored as unknown as Parameters<typeof decodeLearner>[0]).options.staticBlend).toBe(DEFAULT_LEARNER_OPTIONS.staticBlend);
  });

  it("is what route() uses once ready, with the static estimate reported beside it", () => {
    const request = { messages: [{ role: "user" as const, content: "Prove that the square root of 2 is irrational." }] };
    const features = learnerFeaturesOf(request)!;
    const l = createLearner();
    const base = { request, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: new Date("2026-03-15T12:00:00Z") };
    const plain = route(base);
    expect(route({ ...base, learning: { difficulty: l } })).toMatchObject({ difficulty: plain.difficulty, learning: { learnedDifficulty: null, staticDifficulty: plain.difficulty } });
    for (let i = 0; i < DEFAULT_LEARNER_OPTIONS.minRequests; i++) learnDifficulty(l, { category: plain.category, features, cheaper: 0, better: 1 });
    const learned = route({ ...base, learning: { difficulty: l } });
    expect(learned.learning!.learnedDifficulty).toMatchObject({ learner: plain.category });
    expect(learned.difficulty).toBe(learned.learning!.learnedDifficulty!.difficulty);
    expect(learned.notes!.join(" ")).toContain("difficulty learned from 200 requests");
  });
});

describe("replay", () => {
  const rows: ReplayRow[] = Array.from({ length: 80 }, (_, i) => ({
    prompt: i % 2 ? `Compute ${i} * ${i + 3} and explain each step of the multiplication.` : `Name the capital of country number ${i}.`,
    strong_correct: 1,
    weak_correct: i % 2 ? 0 : 1,
  }));

  it("is deterministic for a seed and counts its evaluations", () => {
    const a = replayTraffic(rows, { seed: 3, evaluateShare: 0.25, window: 40 });
    expect(replayTraffic(rows, { seed: 3, evaluateShare: 0.25, window: 40 })).toEqual(a);
    expect(a.evaluations).toBeGreaterThan(5);
    expect(a.evaluations).toBeLessThan(40);
    expect(a.windows.map((w) => [w.from, w.to])).toEqual([[1, 40], [41, 80]]);
    expect(a.quality_all_strong).toBe(1);
    expect(a.quality_all_weak).toBe(0.5);
    expect(a.cost).toBeLessThanOrEqual(a.cost_all_strong);
    expect(replayTraffic(rows, { seed: 4, evaluateShare: 0.25 }).evaluations).not.toBe(a.evaluations);
    expect(replayTraffic(rows, { evaluateShare: 0 }).evaluations).toBe(0);
    expect(replayTraffic(rows, { evaluateShare: 1 }).evaluations).toBe(rows.length);
  });
});
