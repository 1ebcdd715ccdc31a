import { describe, expect, it } from "vitest";
import { createRandom } from "../../random/mulberry32";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../defaults";
import { route } from "../route";
import { betaCdf, betaQuantile } from "./beta-quantile";
import {
  applyProfiles, capabilityProfile, DEFAULT_PROFILE_OPTIONS, recordOutcome, recordPairwise, type ProfileBook,
} from "./capability-profile";

const simulate = (truth: number, n: number, seed: number, book: ProfileBook = {}, graded = false): ProfileBook => {
  const rand = createRandom(seed);
  for (let i = 0; i < n; i++) {
    // Graded: a score around the truth (mean = truth); binary: success with probability truth.
    const score = graded ? Math.min(1, Math.max(0, truth + (rand() - 0.5) * 0.4)) : rand() < truth ? 1 : 0;
    book = recordOutcome(book, { modelId: "m", category: "coding", score });
  }
  return book;
};

describe("Beta quantiles", () => {
  it("invert the distribution function", () => {
    for (const [a, b] of [[1, 1], [2, 5], [30.5, 12.25], [400, 90]] as const) {
      for (const p of [0.05, 0.5, 0.95]) expect(betaCdf(betaQuantile(p, a, b), a, b)).toBeCloseTo(p, 5);
    }
    expect(betaQuantile(0.3, 1, 1)).toBeCloseTo(0.3, 6);
    expect(betaQuantile(0.5, 4, 4)).toBeCloseTo(0.5, 6);
  });
});

describe("capability profile", () => {
  it("starts at the catalog figure, not usable, and converges to the truth inside its interval", () => {
    const start = capabilityProfile(undefined, 80);
    expect(start.quality).toBeCloseTo(80, 6);
    expect(start.usable).toBe(false);
    expect(start.evidence).toBe(0);
    const p = capabilityProfile(simulate(0.62, 3000, 7)["coding"]!["m"], 80);
    expect(p.low).toBeLessThan(62);
    expect(p.high).toBeGreaterThan(62);
    expect(p.high - p.low).toBeLessThan(DEFAULT_PROFILE_OPTIONS.maxIntervalWidth);
    expect(Math.abs(p.quality - 62)).toBeLessThan(2.5);
    expect(p.usable).toBe(true);
    expect(p.evidence).toBe(3000);
  });

  it("has intervals that hold the truth about as often as they claim", () => {
    let covered = 0;
    const runs = 200;
    for (let s = 0; s < runs; s++) {
      const p = capabilityProfile(simulate(0.55, 300, 1000 + s)["coding"]!["m"], 60);
      if (p.low <= 55 && 55 <= p.high) covered++;
    }
    // 90 % credible intervals; the prior (60, worth 10 outcomes) pulls a little.
    expect(covered / runs).toBeGreaterThan(0.82);
  });

  it("learns from graded outcomes and from a catalog that does not know the model", () => {
    const p = capabilityProfile(simulate(0.4, 2000, 3, {}, true)["coding"]!["m"], null);
    expect(p.priorQuality).toBeNull();
    expect(p.low).toBeLessThan(40);
    expect(p.high).toBeGreaterThan(40);
    expect(p.usable).toBe(true);
  });

  it("learns the difference between two models from pairwise judgements", () => {
    // Each answer is acceptable with its model's rate; the judge prefers the acceptable one, ties otherwise.
    const rand = createRandom(11);
    let book: ProfileBook = {};
    for (let i = 0; i < 4000; i++) {
      const a = rand() < 0.85;
      const b = rand() < 0.55;
      book = recordPairwise(book, { category: "math", a: "a", b: "b", aWins: a === b ? 0.5 : a ? 1 : 0, catalogQualityA: 70, catalogQualityB: 70 });
    }
    const pa = capabilityProfile(book["math"]!["a"], 70);
    const pb = capabilityProfile(book["math"]!["b"], 70);
    expect(pa.quality - pb.quality).toBeGreaterThan(22);
    expect(pa.quality - pb.quality).toBeLessThan(38);
  });

  it("forgets old evidence with a decay below 1", () => {
    const opt = { ...DEFAULT_PROFILE_OPTIONS, decay: 0.99 };
    let book: ProfileBook = {};
    for (let i = 0; i < 2000; i++) book = recordOutcome(book, { modelId: "m", category: "c", score: 1 }, opt);
    for (let i = 0; i < 500; i++) book = recordOutcome(book, { modelId: "m", category: "c", score: 0 }, opt);
    expect(capabilityProfile(book["c"]!["m"], 50, opt).quality).toBeLessThan(10);
  });

  it("is plain JSON and leaves its input alone", () => {
    const a = simulate(0.5, 10, 1);
    const copy = JSON.parse(JSON.stringify(a)) as ProfileBook;
    const b = recordOutcome(a, { modelId: "m", category: "coding", score: 1 });
    expect(a).toEqual(copy);
    expect(b["coding"]!["m"]!.successes).toBe(a["coding"]!["m"]!.successes + 1);
    expect(JSON.parse(JSON.stringify(b))).toEqual(b);
  });
});

describe("profiles in routing", () => {
  const NOW = new Date("2026-03-15T12:00:00Z");
  const request = { messages: [{ role: "user" as const, content: "Write a Python function that reverses a linked list." }] };

  it("replace a catalog figure only once usable, and the decision says so", () => {
    const cheapest = [...DEFAULT_CATALOG].filter((m) => m.quality["coding"] != null).sort((a, b) => a.inputPricePerMTok! - b.inputPricePerMTok!)[0]!;
    let book: ProfileBook = {};
    for (let i = 0; i < 5; i++) book = recordOutcome(book, { modelId: cheapest.id, category: "coding", score: 1 });
    const few = applyProfiles(DEFAULT_CATALOG, "coding", book);
    expect(few.catalog.find((m) => m.id === cheapest.id)).toBe(cheapest);
    expect(few.uses[0]).toMatchObject({ modelId: cheapest.id, source: "catalog", evidence: 5 });
    for (let i = 0; i < 3000; i++) book = recordOutcome(book, { modelId: cheapest.id, category: "coding", score: 1 });
    const many = applyProfiles(DEFAULT_CATALOG, "coding", book);
    expect(many.catalog.find((m) => m.id === cheapest.id)!.quality["coding"]).toBeGreaterThan(99);
    const before = route({ request, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: NOW });
    const after = route({ request, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: NOW, learning: { profiles: { book } } });
    expect(before.category).toBe("coding");
    expect(after.model!.id).toBe(cheapest.id);
    expect(after.notes!.join(" ")).toContain(`${cheapest.id}: quality`);
    expect(after.learning!.profiles[0]).toMatchObject({ modelId: cheapest.id, source: "profile" });
  });
});
