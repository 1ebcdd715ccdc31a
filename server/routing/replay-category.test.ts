import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "./defaults";
import { replayCategory, type RecordedCategory } from "./replay-category";
import type { RoutingPolicy } from "./types";

const policy: RoutingPolicy = { ...DEFAULT_POLICY, rules: { ...DEFAULT_POLICY.rules, support: DEFAULT_POLICY.rules.general! } };
const row = (over: Partial<RecordedCategory>): RecordedCategory => ({
  category: "coding", categorySource: "classifier", confidence: 0.9, forcedCategory: null, classifierCategory: "coding", classifierConfidence: 0.9, ...over,
});

describe("replayCategory", () => {
  it.each([
    ["the classifier's category when sure", row({}), "coding"],
    ["the default below the threshold", row({ classifierConfidence: 0.3, category: "general", categorySource: "default" }), "general"],
    ["the default when the classifier's category has no rule", row({ classifierCategory: "legal" }), "general"],
    ["a forced category with a rule", row({ forcedCategory: "math", category: "math", categorySource: "forced" }), "math"],
    ["the classifier when a forced category has no rule", row({ forcedCategory: "legal" }), "coding"],
    ["a custom-rule category that keeps its rule", row({ category: "support", categorySource: "rule", confidence: 1 }), "support"],
    ["a learned category that keeps its rule", row({ category: "math", categorySource: "learned" }), "math"],
    ["an older row's classifier category", row({ classifierCategory: null, classifierConfidence: null }), "coding"],
    ["an older row's default category, sent to the default", row({ category: "general", categorySource: "default", classifierCategory: null, classifierConfidence: null }), "general"],
  ])("%s", (_name, recorded, expected) => {
    expect(replayCategory(recorded, policy)).toBe(expected);
  });

  it("applies another policy's threshold and default, and drops a rule the policy no longer has", () => {
    const strict: RoutingPolicy = { ...policy, confidenceThreshold: 0.95, defaultCategory: "math" };
    expect(replayCategory(row({}), strict)).toBe("math");
    expect(replayCategory(row({ classifierConfidence: 0.3, category: "general", categorySource: "default" }), { ...policy, confidenceThreshold: 0.2 })).toBe("coding");
    const { support: _support, ...rules } = policy.rules;
    expect(replayCategory(row({ category: "support", categorySource: "rule", confidence: 1 }), { ...policy, rules })).toBe("coding");
  });
});
