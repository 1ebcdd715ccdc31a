import { describe, expect, it } from "vitest";
import { describeCategorySource, describeModelsNotAllowed, formatCost, formatQuality, formatShare, readExplanation } from "./read-explanation";

describe("formatCost", () => {
  it.each([
    [0.015144999999999999, "$0.0151"],
    [0.000123456, "$0.000123"],
    [2.5, "$2.50"],
    [1234.567, "$1,234.57"],
    [0, "$0"],
    [null, "unpriced"],
  ])("writes %s as %s", (usd, text) => {
    expect(formatCost(usd)).toBe(text);
  });
});

describe("formatShare and formatQuality", () => {
  it("rounds without float noise", () => {
    expect(formatShare(0.8734999999)).toBe("87%");
    expect(formatShare(null)).toBe("—");
    expect(formatQuality(72.45000000001)).toBe("72.5");
    expect(formatQuality(80)).toBe("80");
  });

  it("names category sources in words", () => {
    expect(describeCategorySource("default")).toBe("policy default (classifier unsure)");
    expect(describeCategorySource("something-new")).toBe("something-new");
  });
});

describe("readExplanation", () => {
  it("reads candidates in the order tried, the chosen first and skipped ones last", () => {
    const d = readExplanation({
      category: "coding", confidence: 0.91, categorySource: "classifier", difficulty: 0.42, summary: "coding → b",
      estimate: { inputTokens: 10, outputTokens: 20, costUsd: 0.0012, baselineCostUsd: 0.01 },
      plan: ["b", "c"],
      candidates: [
        { modelId: "a", status: "skipped", reason: "quality 60.0 below bar 70.0", expectedCostUsd: 0.0001, requiredQuality: 70, quality: 60 },
        { modelId: "c", status: "fallback", reason: "meets the bar", expectedCostUsd: 0.02, requiredQuality: 70, quality: 88 },
        { modelId: "b", status: "chosen", reason: "cheapest meeting the bar", expectedCostUsd: 0.0012, requiredQuality: 70, quality: 75 },
      ],
    });
    expect(d?.candidates.map((c) => `${c.model}:${c.status}`)).toEqual(["b:chosen", "c:fallback", "a:skipped"]);
    expect(d).toMatchObject({ category: "coding", confidence: 0.91, difficulty: 0.42, estimatedCostUsd: 0.0012, error: null, direct: null });
  });

  it("reads an older or partial explanation with missing fields as null", () => {
    expect(readExplanation({ summary: "coding → gpt-5.4" })).toMatchObject({ summary: "coding → gpt-5.4", category: null, confidence: null, candidates: [], plan: [], modelsNotAllowed: 0 });
    expect(readExplanation(null)).toBeNull();
    expect(readExplanation({ candidates: [{ modelId: "x", status: "weird" }, "junk"] })?.candidates).toEqual([]);
  });

  it("counts the catalog models the rule did not allow", () => {
    expect(readExplanation({ candidates: [], modelsNotAllowed: 17 })?.modelsNotAllowed).toBe(17);
    expect(readExplanation({ modelsNotAllowed: "17" })?.modelsNotAllowed).toBe(0);
    expect(describeModelsNotAllowed(1)).toBe("1 other catalog model is not in the rule's allowed models.");
    expect(describeModelsNotAllowed(17)).toBe("17 other catalog models are not in the rule's allowed models.");
  });
});
