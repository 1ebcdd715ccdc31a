import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./defaults";
import { replayCategory, type RecordedCategory } from "./replay-category";
import type { RoutingPolicy } from "./types";

const policy: RoutingPolicy = { ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, support: DEFAULT_POLICY.rules.general! } };
const row = (over: Partial<RecordedCategory>): RecordedCategory => ({
  category: "coding", categorySource: "classifier", forcedCategory: null, classifierCategory: "coding", classifierConfidence: 0.9, ...over,
});

describe("replayCategory", () => {
  it.each([
    ["the classifier's category when sure", row({}), "coding"],
    ["the default below the threshold", row({ classifierConfidence: 0.3, category: "general", categorySource: "default" }), "general"],
    ["the default when the classifier's category has no rule", row({ classifierCategory: "legal" }), "general"],
    ["a forced category with a rule", row({ forcedCategory: "math", category: "math", categorySource: "forced" }), "math"],
    ["the classifier when a forced category has no rule", row({ forcedCategory: "legal" }), "coding"],
    ["the classifier when a forced category is named like an Object property", row({ forcedCategory: "constructor" }), "coding"],
    ["a custom-rule category that keeps its rule", row({ category: "support", categorySource: "rule" }), "support"],
    ["a learned category that keeps its rule", row({ category: "math", categorySource: "learned" }), "math"],
    ["an older row's category while it has a rule", row({ category: "support", categorySource: null, classifierCategory: null, classifierConfidence: null }), "support"],
    ["an older row's category without a rule, sent to the default", row({ category: "legal", categorySource: "rule", classifierCategory: null, classifierConfidence: null }), "general"],
  ])("%s", (_name, recorded, expected) => {
    expect(replayCategory(recorded, policy)).toBe(expected);
  });

  it("applies another policy's threshold and default, and drops a rule the policy no longer has", () => {
    const strict: RoutingPolicy = { ...policy, confidenceThreshold: 0.95, defaultCategory: "math" };
    expect(replayCategory(row({}), strict)).toBe("math");
    expect(replayCategory(row({ category: "general", categorySource: "default", classifierCategory: null, classifierConfidence: null }), strict)).toBe("math");
    expect(replayCategory(row({ classifierConfidence: 0.3, category: "general", categorySource: "default" }), { ...policy, confidenceThreshold: 0.2 })).toBe("coding");
    const { support: _support, ...rules } = policy.rules;
    expect(replayCategory(row({ category: "support", categorySource: "rule" }), { ...policy, rules })).toBe("coding");
  });
});
