import { describe, expect, it } from "vitest";
import { buildCategoryMix } from "./build-category-mix";

describe("buildCategoryMix", () => {
  const mix = buildCategoryMix([
    { category: "coding", model: "large", requests: 30, unpriced: 0, costUsd: 9 },
    { category: "coding", model: "small", requests: 70, unpriced: 0, costUsd: 1 },
    { category: "general", model: "small", requests: 150, unpriced: 2, costUsd: 0 },
  ]);

  it("orders categories and models by requests", () => {
    expect(mix.categories.map((c) => c.category)).toEqual(["general", "coding"]);
    expect(mix.models).toEqual(["small", "large"]);
  });

  it("gives each model's share of its category's requests and spend", () => {
    const coding = mix.categories.find((c) => c.category === "coding")!;
    expect(coding).toMatchObject({ requests: 100, costUsd: 10, unpriced: 0 });
    expect(coding.models).toEqual([
      { model: "small", requests: 70, costUsd: 1, requestShare: 0.7, spendShare: 0.1 },
      { model: "large", requests: 30, costUsd: 9, requestShare: 0.3, spendShare: 0.9 },
    ]);
  });

  it("a category that spent nothing has unknown spend shares, not 0 %", () => {
    const general = mix.categories.find((c) => c.category === "general")!;
    expect(general.unpriced).toBe(2);
    expect(general.models[0]).toMatchObject({ requestShare: 1, spendShare: null });
  });
});
