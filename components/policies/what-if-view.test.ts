import { describe, expect, it } from "vitest";
import { basedOn, categoryRows, formatPct, versionWhatIfLine } from "./what-if-view";

const replayed = (categories: Record<string, { requests: number; meanQuality: number | null; models: Record<string, number> }>) => ({
  costUsd: 1, unpriced: 0, baselineCostUsd: 2, baselineUnpriced: 0, degraded: 0, noModel: 0, categories,
});

describe("what-if view", () => {
  it("formats signed percentages with a real minus, and unknown as unknown", () => {
    expect(formatPct(-12.04)).toBe("−12.0%");
    expect(formatPct(3.25)).toBe("+3.3%");
    expect(formatPct(-0.01)).toBe("0.0%");
    expect(formatPct(null)).toBe("unknown");
  });

  it("lines up both policies' categories, with unknown quality and requests without a model kept apart", () => {
    const rows = categoryRows({
      saved: replayed({ coding: { requests: 4, meanQuality: 80.6, models: { "gemini-3.1-pro": 3, "claude-opus-4.6": 1 } } }),
      draft: replayed({
        coding: { requests: 4, meanQuality: 80.8, models: { "claude-opus-4.6": 4 } },
        math: { requests: 2, meanQuality: null, models: { "": 1, "glm-5": 1 } },
      }),
    });
    expect(rows).toEqual([
      { category: "coding", savedRequests: 4, draftRequests: 4, savedQuality: 80.6, draftQuality: 80.8, savedMix: "gemini-3.1-pro 75%, claude-opus-4.6 25%", draftMix: "claude-opus-4.6 100%" },
      { category: "math", savedRequests: 0, draftRequests: 2, savedQuality: null, draftQuality: null, savedMix: "—", draftMix: "no model 50%, glm-5 50%" },
    ]);
  });

  it("says what a version changed, and when the figures cover only the most recent requests", () => {
    expect(versionWhatIfLine({ days: 7, requests: 1_000, totalRequests: 1_000, changed: 31, costChangePct: -12 })).toBe(
      "−12.0% cost vs previous, 3.1% of requests change model (based on 1,000 of 1,000 requests of the last 7 days)",
    );
    expect(versionWhatIfLine({ days: 30, requests: 100_000, totalRequests: 250_000, changed: 0, costChangePct: null })).toBe(
      "cost change unknown (unpriced requests), 0.0% of requests change model (based on the most recent 100,000 of about 250,000 requests of the last 30 days)",
    );
    expect(basedOn(0, 0, 7)).toBe("based on 0 of 0 requests of the last 7 days");
  });
});
