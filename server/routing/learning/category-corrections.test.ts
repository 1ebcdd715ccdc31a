import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../defaults";
import { route } from "../route";
import type { RoutingPolicy } from "../types";
import {
  correctCategory,
  correctionCounts,
  createCorrections,
  decodeCorrections,
  DEFAULT_CORRECTION_OPTIONS,
  encodeCorrections,
  learnCorrection,
  type CategoryCorrections,
} from "./category-corrections";
import { learnerFeaturesOf } from "./learner-features";
import { decodeStoredFeatures, encodeStoredFeatures } from "../../learning/stored-features";

/** A request's features as route() sees them. */
const featuresOf = (text: string) => learnerFeaturesOf({ messages: [{ role: "user", content: text }] })!;
/** As its log row keeps them, which is what corrections are taught from. */
const storedFeaturesOf = (text: string) => decodeStoredFeatures(JSON.parse(JSON.stringify(encodeStoredFeatures(featuresOf(text)))))!;

const BILLING_TAUGHT = [
  "I was charged twice for my subscription this month, please refund the duplicate payment",
  "Can I get a refund for order 48213? The package arrived damaged.",
];
const BILLING_SIMILAR = [
  "I was charged twice on my card for the subscription, I want a refund",
  "Please refund order 99120, it arrived broken",
];
const UNRELATED = [
  "Write a Python function that reverses a linked list",
  "What is the derivative of x^2 sin(x)?",
  "Explain photosynthesis to a ten year old",
  "Summarise this meeting in three bullet points",
];

function taught(texts: string[], category: string, layer: CategoryCorrections = createCorrections()): CategoryCorrections {
  return texts.reduce((l, t) => learnCorrection(l, storedFeaturesOf(t), category), layer);
}

describe("category corrections", () => {
  it("give corrected prompts' neighbours the corrected category and leave other subjects alone", () => {
    const layer = taught(BILLING_TAUGHT, "billing");
    for (const t of [...BILLING_TAUGHT, ...BILLING_SIMILAR]) expect(correctCategory(layer, featuresOf(t))?.category, t).toBe("billing");
    for (const t of UNRELATED) expect(correctCategory(layer, featuresOf(t)), t).toBeNull();
  });

  it("compare long prompts on their words and word pairs, matching the same subjects as short ones", () => {
    const layer = taught(BILLING_TAUGHT, "billing");
    const long = (text: string) => featuresOf(Array.from({ length: 12 }, () => text).join(" "));
    expect(long(BILLING_SIMILAR[0]!).n).toBeGreaterThan(DEFAULT_CORRECTION_OPTIONS.maxRequestFeatures);
    expect(correctCategory(layer, long(BILLING_SIMILAR[0]!))?.category).toBe("billing");
    for (const t of UNRELATED) expect(correctCategory(layer, long(t)), t).toBeNull();
  });

  it("say nothing before anything is taught", () => {
    expect(correctCategory(createCorrections(), featuresOf(BILLING_SIMILAR[0]!))).toBeNull();
  });

  it("merge corrections of the same prompt, and a newer correction to another category replaces the older", () => {
    let layer = taught([BILLING_TAUGHT[0]!, BILLING_TAUGHT[0]!, BILLING_TAUGHT[0]!], "billing");
    expect(layer.prototypes).toHaveLength(1);
    expect(correctCategory(layer, featuresOf(BILLING_TAUGHT[0]!))).toMatchObject({ category: "billing", corrections: 3 });
    layer = learnCorrection(layer, storedFeaturesOf(BILLING_TAUGHT[0]!), "support");
    expect(layer.prototypes).toHaveLength(1);
    expect(correctCategory(layer, featuresOf(BILLING_SIMILAR[0]!))?.category).toBe("support");
    expect(correctionCounts(layer)).toEqual({ support: 1 });
  });

  it("keep at most `capacity` prototypes, forgetting the least recently corrected", () => {
    let layer = createCorrections({ ...DEFAULT_CORRECTION_OPTIONS, capacity: 3 });
    layer = taught([BILLING_TAUGHT[0]!], "billing", layer);
    layer = taught(UNRELATED.slice(0, 3), "other", layer);
    expect(layer.prototypes).toHaveLength(3);
    expect(correctCategory(layer, featuresOf(BILLING_TAUGHT[0]!))).toBeNull();
    expect(correctCategory(layer, featuresOf(UNRELATED[2]!))?.category).toBe("other");
    for (const p of layer.prototypes) expect(p.idx.length).toBeLessThanOrEqual(DEFAULT_CORRECTION_OPTIONS.maxFeatures);
  });

  it("leave the layer they are given unchanged (routing may be reading it)", () => {
    const layer = taught(BILLING_TAUGHT, "billing");
    const before = JSON.stringify(encodeCorrections(layer));
    learnCorrection(layer, featuresOf(UNRELATED[0]!), "coding");
    expect(JSON.stringify(encodeCorrections(layer))).toBe(before);
  });

  it("survive a JSON round trip with the same decisions", () => {
    const layer = taught(UNRELATED.slice(0, 2), "special", taught(BILLING_TAUGHT, "billing"));
    const copy = decodeCorrections(JSON.parse(JSON.stringify(encodeCorrections(layer))));
    expect(encodeCorrections(copy)).toEqual(encodeCorrections(layer));
    for (const t of [...BILLING_SIMILAR, ...UNRELATED]) expect(correctCategory(copy, featuresOf(t))).toEqual(correctCategory(layer, featuresOf(t)));
    expect(() => decodeCorrections({ format: "something else" } as never)).toThrow();
  });

  it("decide in bounded time however many corrections were taught and however long the prompt", () => {
    let layer = createCorrections();
    for (let i = 0; i < 400; i++) layer = learnCorrection(layer, storedFeaturesOf(`ticket ${i}: ${UNRELATED[i % 4]} variant ${i * 7919}`), `c${i % 7}`);
    expect(layer.prototypes.length).toBeLessThanOrEqual(DEFAULT_CORRECTION_OPTIONS.capacity);
    const long = featuresOf("Please refund the duplicate charge on my subscription and explain the invoice. ".repeat(200));
    const short = featuresOf(BILLING_SIMILAR[1]!);
    for (let i = 0; i < 200; i++) correctCategory(layer, long);
    const time = (f: typeof long, runs: number) => {
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) correctCategory(layer, f);
      return ((performance.now() - t0) / runs) * 1000;
    };
    // Measured 9 µs for the long prompt (3,000 features, 1,024 read) and 3 µs for the short one (100)
    // on 2 cores under a load average of 11; the bounds leave room for a slower machine and would
    // catch a cost that grew with the corrections taught or with the prompt's length.
    expect(time(long, 2000)).toBeLessThan(100);
    expect(time(short, 2000)).toBeLessThan(40);
  });
});

describe("route() with category corrections", () => {
  const policy: RoutingPolicy = {
    ...DEFAULT_POLICY,
    rules: { ...DEFAULT_POLICY.rules, billing: { ...DEFAULT_POLICY.rules.general!, qualityBar: 40 } },
    customCategories: [{ name: "coding", keywords: ["arrived broken today"] }],
  };
  const now = new Date("2026-03-15T12:00:00Z");
  const decide = (content: string, categories?: CategoryCorrections, forcedCategory?: string) =>
    route({ request: { messages: [{ role: "user", content }], forcedCategory }, catalog: DEFAULT_CATALOG, policy, unhealthy: {}, now, learning: { categories } });

  it("files similar prompts under the learned category and says so; other prompts keep the classifier's", () => {
    const layer = taught(BILLING_TAUGHT, "billing");
    const d = decide(BILLING_SIMILAR[0]!, layer);
    expect(d).toMatchObject({ category: "billing", categorySource: "learned" });
    expect(d.notes?.some((n) => n.includes("learned from this tenant's corrections"))).toBe(true);
    expect(d.summary).toContain("learned from corrections");
    expect(d.learning?.learnedCategory).toMatchObject({ category: "billing" });
    expect(decide(BILLING_SIMILAR[0]!).categorySource).not.toBe("learned");
    const unrelated = decide(UNRELATED[0]!, layer);
    expect(unrelated).toMatchObject({ category: "coding", categorySource: "classifier" });
    expect(unrelated.learning?.learnedCategory).toBeNull();
  });

  it("lets forced categories and custom rules win over corrections, and ignores a learned category without a rule", () => {
    const layer = taught(BILLING_TAUGHT, "billing");
    expect(decide(BILLING_SIMILAR[0]!, layer, "math")).toMatchObject({ category: "math", categorySource: "forced" });
    expect(decide("Please refund order 99120, it arrived broken", layer).categorySource).toBe("learned");
    expect(decide("Please refund order 99120, it arrived broken today", layer)).toMatchObject({ categorySource: "rule", category: "coding" });
    const orphan = decide(BILLING_SIMILAR[0]!, taught(BILLING_TAUGHT, "no_such_rule"));
    expect(orphan.categorySource).not.toBe("learned");
    expect(orphan.notes?.some((n) => n.includes('learned category "no_such_rule" has no rule'))).toBe(true);
  });
});
