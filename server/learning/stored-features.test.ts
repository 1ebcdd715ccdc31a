import { describe, expect, it } from "vitest";
import { createRandom } from "../random/mulberry32";
import { DIFFICULTY_DENSE_COUNT } from "../routing/difficulty-features";
import {
  createLearner, DEFAULT_LEARNER_OPTIONS, learnDifficulty, predictDifficulty, type LearnerFeatures,
} from "../routing/learning/learned-difficulty";
import { learnerFeaturesOf } from "../routing/learning/learner-features";
import { decodeStoredFeatures, encodeStoredFeatures, MAX_STORED_SPARSE, packStoredFeatures, routedRequestFeatures } from "./stored-features";

const BITS = DEFAULT_LEARNER_OPTIONS.bits;

/**
 * Requests with a planted rule: the cheaper model fails on 5 of 40 topics (one strong hashed
 * bucket, raw 32-bit hash) and when dense cue 0 is high. Each request also carries 200 weak
 * noise buckets, so encoding has to drop some of them.
 */
function stream(n: number, seed: number) {
  const rand = createRandom(seed);
  return Array.from({ length: n }, () => {
    const topic = Math.floor(rand() * 40);
    const idx = [(topic * 2654435761) >>> 0];
    const val = [1];
    for (let i = 0; i < 200; i++) {
      idx.push(Math.floor(rand() * 2 ** 32));
      val.push((rand() - 0.5) * 0.02);
    }
    const dense = Array.from({ length: DIFFICULTY_DENSE_COUNT }, () => rand());
    const features: LearnerFeatures = { idx, val, n: idx.length, dense, staticDifficulty: rand() };
    const hard = topic < 5 || dense[0]! > 0.8;
    return { topic, features, cheaper: rand() < (hard ? 0.2 : 0.85) ? 1 : 0, better: rand() < 0.9 ? 1 : 0 };
  });
}

describe("stored features", () => {
  it("round-trips a real prompt's features through JSON within rounding", () => {
    const f = learnerFeaturesOf({
      messages: [{ role: "user", content: "Prove that the square root of two is irrational, then generalise to any prime." }],
    })!;
    expect(f).not.toBeNull();
    const stored = encodeStoredFeatures(f);
    const json = JSON.parse(JSON.stringify(stored)) as unknown;
    const back = decodeStoredFeatures(json)!;
    expect(back).not.toBeNull();
    expect(JSON.stringify(stored).length).toBeLessThan(4096);
    expect(back.n).toBeLessThanOrEqual(MAX_STORED_SPARSE);
    expect(back.staticDifficulty).toBeCloseTo(f.staticDifficulty, 3);
    for (let j = 0; j < f.dense.length; j++) expect(back.dense[j]).toBeCloseTo(f.dense[j]!, 3);

    // Masked and summed exactly as the learner would read them.
    const mask = (1 << BITS) - 1;
    const expected = new Map<number, number>();
    for (let i = 0; i < f.n; i++) expected.set(f.idx[i]! & mask, (expected.get(f.idx[i]! & mask) ?? 0) + f.val[i]!);
    const nonZero = [...expected.values()].filter((v) => v !== 0).length;
    expect(back.n).toBe(Math.min(nonZero, MAX_STORED_SPARSE));
    for (let i = 0; i < back.n; i++) {
      const k = back.idx[i]!;
      expect(k).toBeLessThan(1 << BITS);
      expect(back.val[i]!).toBeCloseTo(expected.get(k)!, 3);
    }
    // Encoding what was decoded changes nothing.
    expect(encodeStoredFeatures(back)).toEqual(stored);
  });

  it("takes the routed request's features from the router, bounded for a long prompt, stored as if encoded from the originals", () => {
    const long = Array.from({ length: 80 }, (_, i) => `Step ${i}: design part ${i * 7} of a fault-tolerant job scheduler with leases.`).join(" ");
    for (const content of ["What is 2 + 2?", long]) {
      const original = learnerFeaturesOf({ messages: [{ role: "user", content }] })!;
      // learnerFeaturesOf classified the prompt as route() does: the scratch buffers hold its features.
      const taken = routedRequestFeatures(original.staticDifficulty)!;
      const isLong = original.n > 2 * MAX_STORED_SPARSE;
      expect(isLong).toBe(content === long);
      if (isLong) expect(taken.n).toBe(MAX_STORED_SPARSE);
      else expect(Array.from(taken.idx)).toEqual(Array.from(original.idx));
      expect(encodeStoredFeatures(taken)).toEqual(encodeStoredFeatures(original));
    }
  });

  it("keeps the largest buckets when a prompt has more than fit", () => {
    const [r] = stream(1, 7);
    const stored = decodeStoredFeatures(encodeStoredFeatures(r!.features))!;
    expect(stored.idx).toHaveLength(MAX_STORED_SPARSE);
    // The topic bucket (value 1) is far larger than the noise and must survive.
    expect(stored.idx).toContain(r!.features.idx[0]! & ((1 << BITS) - 1));
    expect(new Set(Array.from(stored.idx)).size).toBe(stored.idx.length);
  });

  it("teaches a learner as well as the original features do", () => {
    const options = { ...DEFAULT_LEARNER_OPTIONS, minRequests: 50, minOutcomesEach: 20 };
    const original = createLearner(options);
    const decoded = createLearner(options);
    for (const r of stream(1500, 1)) {
      learnDifficulty(original, { category: "math", features: r.features, cheaper: r.cheaper, better: r.better });
      const f = decodeStoredFeatures(JSON.parse(JSON.stringify(encodeStoredFeatures(r.features))))!;
      learnDifficulty(decoded, { category: "math", features: f, cheaper: r.cheaper, better: r.better });
    }
    const test = stream(300, 2);
    let maxGap = 0;
    let hardGain = 0;
    let easyGain = 0;
    for (const r of test) {
      const a = predictDifficulty(original, "math", r.features)!;
      const b = predictDifficulty(decoded, "math", decodeStoredFeatures(encodeStoredFeatures(r.features))!)!;
      maxGap = Math.max(maxGap, Math.abs(a.gain - b.gain));
      if (r.topic < 5) hardGain += b.gain;
      else easyGain += b.gain;
    }
    expect(maxGap).toBeLessThan(0.05);
    // And it learned something for the gap to mean anything: the hard topics gain more from the better model.
    const hard = test.filter((r) => r.topic < 5).length;
    expect(hardGain / hard).toBeGreaterThan(easyGain / (test.length - hard) + 0.02);
  });

  it("rejects anything malformed or out of bounds", () => {
    const dense = new Array<number>(DIFFICULTY_DENSE_COUNT).fill(0.1);
    const parts = { bits: BITS, idx: [3, 9], val: [0.5, -0.25], dense, staticDifficulty: 0.4 };
    const good = packStoredFeatures(parts);
    expect(decodeStoredFeatures(good)).toMatchObject({ idx: [3, 9], val: [0.5, -0.25], n: 2, staticDifficulty: 0.4 });
    const many = Array.from({ length: MAX_STORED_SPARSE + 1 }, (_, i) => i);
    const bad: unknown[] = [
      null, 42, "x", [], {},
      { ...good, v: 1 },
      { ...good, bits: 40 },
      { ...good, bits: 1.5 },
      { ...good, data: 42 },
      { ...good, data: good.data.slice(0, -8) },
      { ...good, data: good.data + "AAAA" },
      { ...good, data: "A".repeat(100_000) },
      { ...good, bits: 3 }, // bucket 9 does not fit in 3 bits
      packStoredFeatures({ ...parts, val: [0.5, Number.NaN] }),
      packStoredFeatures({ ...parts, dense: dense.slice(1) }),
      packStoredFeatures({ ...parts, dense: [...dense.slice(1), Number.POSITIVE_INFINITY] }),
      packStoredFeatures({ ...parts, staticDifficulty: 1.5 }),
      packStoredFeatures({ ...parts, idx: many, val: many.map(() => 1) }),
    ];
    for (const b of bad) expect(decodeStoredFeatures(b), JSON.stringify(b)).toBeNull();
  });
});
