import { describe, expect, it } from "vitest";
import { createLearner } from "../routing/learning/learned-difficulty";
import { emptyLearningState, type StoredLearning } from "./learning-state";
import { loadTenantLearning, routeLearningOf } from "./load-learning";

const reader = (row: StoredLearning | null) => ({ tenantLearning: { findUnique: async () => row } });

describe("loadTenantLearning", () => {
  it("reads nothing learned as the empty state, and a malformed row as nothing learned instead of failing", async () => {
    expect(await loadTenantLearning(reader(null), "t1")).toEqual(emptyLearningState());
    const garbage = { profiles: "x", difficulty: { format: "switchyard-learned-difficulty", version: 1, options: {}, categories: { coding: {} }, denseCount: 3 }, categories: { format: "switchyard-category-corrections", version: 1, prototypes: [{}] }, folded: 3 };
    expect(await loadTenantLearning(reader(garbage), "t1")).toEqual(emptyLearningState());
  });
});

describe("routeLearningOf", () => {
  it("gives route() only the parts that hold something, and only profiles of models in the catalog", () => {
    expect(routeLearningOf(emptyLearningState())).toEqual({});
    expect(routeLearningOf({ ...emptyLearningState(), difficulty: createLearner() })).toEqual({});
    const book = { coding: { "gpt-5.4": { successes: 3, failures: 1 }, gone: { successes: 1, failures: 0 } }, math: { gone: { successes: 1, failures: 0 } } };
    const state = { ...emptyLearningState(), profiles: book };
    expect(routeLearningOf(state).profiles?.book).toBe(book);
    expect(routeLearningOf(state, [{ id: "gpt-5.4" }]).profiles?.book).toEqual({ coding: { "gpt-5.4": { successes: 3, failures: 1 } } });
    expect(routeLearningOf(state, [{ id: "other" }])).toEqual({});
  });
});
