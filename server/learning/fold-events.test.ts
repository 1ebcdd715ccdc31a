import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../routing/defaults";
import { correctCategory } from "../routing/learning/category-corrections";
import { MAX_LEARNED_CATEGORIES, predictDifficulty, type LearnerOptions, DEFAULT_LEARNER_OPTIONS } from "../routing/learning/learned-difficulty";
import { learnerFeaturesOf } from "../routing/learning/learner-features";
import { foldEvents, type FoldableEvent, type FoldContext } from "./fold-events";
import { decodeLearningState, emptyLearningState, encodeLearningState } from "./learning-state";
import { modelRolesFor, rolesLookup } from "./model-roles";

const NOW = new Date("2026-03-15T12:00:00Z");
const featuresOf = (text: string) => learnerFeaturesOf({ messages: [{ role: "user", content: text }] })!;
const ROLES = { cheaper: "cheap-model", better: "strong-model" };
const ctx: FoldContext = {
  rolesOf: () => ROLES,
  hasRule: (category) => category !== "retired",
  catalogQuality: (model) => (model === "strong-model" ? 80 : 60),
  learnerOptions: { ...DEFAULT_LEARNER_OPTIONS, minRequests: 1, minOutcomesEach: 1 } satisfies LearnerOptions,
};
const request = (servedModel: string | null, category: string | null = "coding", text = "Write a function that parses dates") => ({
  servedModel, category, policyId: "p1", features: featuresOf(text),
});
const feedback = (servedModel: string, score: number): FoldableEvent => ({ kind: "feedback", score, payload: {}, request: request(servedModel) });
const judgement = (servedWins: number, served = "cheap-model", challenger = "strong-model"): FoldableEvent => ({
  kind: "judgement", score: servedWins, payload: { category: "coding", served, challenger, evaluationId: "e1" }, request: request(served),
});

describe("foldEvents", () => {
  it("moves the served model's profile with feedback, and only that one", () => {
    const { state, counts } = foldEvents(emptyLearningState(), [feedback("cheap-model", 1), feedback("cheap-model", 0.25)], ctx);
    expect(state.profiles).toEqual({ coding: { "cheap-model": { successes: 1.25, failures: 0.75 } } });
    expect(counts).toEqual({ folded: { feedback: 2 }, ignored: 0 });
    expect(state.folded).toEqual({ feedback: 2 });
  });

  it("teaches the learned difficulty the served model's role", () => {
    const { state } = foldEvents(emptyLearningState(), [feedback("cheap-model", 0), feedback("strong-model", 1), feedback("other-model", 1)], ctx);
    const learner = state.difficulty!;
    const coding = learner.categories.get("coding")!;
    // The third outcome's model has no role: it teaches nothing to the difficulty (but moves its profile).
    expect(coding.requests).toBe(2);
    expect([coding.cheaper.outcomes, coding.better.outcomes]).toEqual([1, 1]);
    expect(state.profiles.coding!["other-model"]).toEqual({ successes: 1, failures: 0 });
    expect(predictDifficulty(learner, "coding", featuresOf("Write a function that parses dates"))).not.toBeNull();
  });

  it("moves both models with a judgement, and teaches the winner's and loser's roles unless it is a tie", () => {
    const { state } = foldEvents(emptyLearningState(), [judgement(0)], ctx);
    const e = state.profiles.coding!;
    expect(e["strong-model"]!.successes).toBeGreaterThan(e["strong-model"]!.failures);
    expect(e["cheap-model"]!.failures).toBeGreaterThan(e["cheap-model"]!.successes);
    const coding = state.difficulty!.categories.get("coding")!;
    expect([coding.cheaper.outcomes, coding.better.outcomes]).toEqual([1, 1]);
    const tie = foldEvents(emptyLearningState(), [judgement(0.5)], ctx).state;
    expect(Object.keys(tie.profiles.coding!)).toEqual(["cheap-model", "strong-model"]);
    expect(tie.difficulty).toBeNull();
  });

  it("forgets the learned difficulty of categories without a rule now, and keeps at most MAX_LEARNED_CATEGORIES", () => {
    const taught = foldEvents(emptyLearningState(), [feedback("cheap-model", 0), { kind: "feedback", score: 1, payload: {}, request: request("cheap-model", "retired") }], ctx).state;
    expect([...taught.difficulty!.categories.keys()].sort()).toEqual(["*", "coding"]);
    // A rule renamed later: its category's state goes at the next fold, "*" stays.
    const renamed = foldEvents(taught, [feedback("strong-model", 1)], { ...ctx, hasRule: (c) => c === "general" }).state;
    expect([...renamed.difficulty!.categories.keys()]).toEqual(["*"]);
    expect(taught.difficulty!.categories.has("coding")).toBe(true);
    const many = Array.from({ length: MAX_LEARNED_CATEGORIES + 10 }, (_, i) => ({ kind: "feedback", score: 1, payload: {}, request: request("cheap-model", `c${i}`) }) satisfies FoldableEvent);
    // The last category gets a second outcome: the fewest-requests ones go first.
    const { state } = foldEvents(emptyLearningState(), [...many, many.at(-1)!], ctx);
    const kept = state.difficulty!.categories;
    expect(kept.size).toBe(MAX_LEARNED_CATEGORIES + 1);
    expect(kept.has("*")).toBe(true);
    expect(kept.has(`c${MAX_LEARNED_CATEGORIES + 9}`)).toBe(true);
  });

  it("teaches the category correction layer from category events", () => {
    const text = "I was charged twice for my subscription, please refund the duplicate payment";
    const { state } = foldEvents(emptyLearningState(), [{ kind: "category", score: null, payload: { category: "billing" }, request: request("cheap-model", "general", text) }], ctx);
    expect(correctCategory(state.categories!, featuresOf("I was charged twice on my card for the subscription, I want a refund"))?.category).toBe("billing");
    expect(state.profiles).toEqual({});
  });

  it("ignores events it cannot use, counting them, and leaves the state it was given alone", () => {
    const start = foldEvents(emptyLearningState(), [feedback("cheap-model", 1), feedback("strong-model", 1)], ctx).state;
    const before = JSON.stringify(encodeLearningState(start));
    const bad: FoldableEvent[] = [
      { kind: "feedback", score: 1, payload: {}, request: request(null) },
      { kind: "feedback", score: null, payload: {}, request: request("cheap-model") },
      { kind: "judgement", score: 1, payload: { category: "coding", served: "x" }, request: request("x") },
      { kind: "category", score: null, payload: {}, request: request("x") },
      { kind: "unknown", score: 1, payload: {}, request: request("x") },
    ];
    const { state, counts } = foldEvents(start, [...bad, feedback("cheap-model", 0)], ctx);
    expect(counts).toEqual({ folded: { feedback: 1 }, ignored: 5 });
    expect(state.folded).toEqual({ feedback: 3, ignored: 5 });
    expect(JSON.stringify(encodeLearningState(start))).toBe(before);
    expect(state.difficulty!.categories.get("coding")!.requests).toBe(3);
  });
});

describe("learning state JSON", () => {
  it("round-trips, and reads malformed parts as nothing learned", () => {
    const text = "Please refund order 48213, it arrived damaged";
    const { state } = foldEvents(
      emptyLearningState(),
      [feedback("cheap-model", 1), { kind: "category", score: null, payload: { category: "billing" }, request: request("cheap-model", "general", text) }],
      ctx,
    );
    const json = JSON.parse(JSON.stringify(encodeLearningState(state)));
    expect(encodeLearningState(decodeLearningState(json))).toEqual(encodeLearningState(state));
    expect(decodeLearningState({ profiles: { coding: { m: { successes: "x" } } }, difficulty: { format: "nope" }, categories: [1], folded: null })).toEqual(emptyLearningState());
    expect(decodeLearningState(null)).toEqual(emptyLearningState());
  });
});

describe("model roles", () => {
  it("are the models routing picks at difficulty 0 and 1", () => {
    const roles = modelRolesFor(DEFAULT_CATALOG, DEFAULT_POLICY, "coding", NOW);
    expect(roles.cheaper).not.toBeNull();
    expect(roles.better).not.toBeNull();
    const better = DEFAULT_CATALOG.find((m) => m.id === roles.better)!;
    const cheaper = DEFAULT_CATALOG.find((m) => m.id === roles.cheaper)!;
    expect(better.quality.coding!).toBeGreaterThanOrEqual(cheaper.quality.coding!);
    // The raised bar stops at the best figure the catalog has.
    const best = Math.max(...DEFAULT_CATALOG.map((m) => m.quality.coding ?? 0));
    expect(better.quality.coding!).toBeGreaterThanOrEqual(Math.min(DEFAULT_POLICY.rules.coding!.qualityBar + DEFAULT_POLICY.difficultyBarRaise, best));
    expect(cheaper.quality.coding!).toBeGreaterThanOrEqual(DEFAULT_POLICY.rules.coding!.qualityBar);
    const lookup = rolesLookup(DEFAULT_CATALOG, new Map([[DEFAULT_POLICY.id, DEFAULT_POLICY]]), DEFAULT_POLICY.id, NOW);
    expect(lookup("gone-policy", "coding")).toEqual(roles);
    expect(lookup(DEFAULT_POLICY.id, "no-such-category")).toEqual({ cheaper: null, better: null });
  });
});
