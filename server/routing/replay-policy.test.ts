import { describe, expect, it } from "vitest";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
import { estimateCost } from "./estimate-cost";
import { replayPolicies, type ReplayRow } from "./replay-policy";
import { route } from "./route";
import type { RouteRequest, RoutingPolicy } from "./types";

const NOW = new Date("2026-03-15T12:00:00Z");

const PROMPTS = [
  "Write a Python function that reverses a linked list in place.",
  "Fix this bug: TypeError: cannot read properties of undefined (reading 'map') in my React component.",
  "Tom had 12 apples. He gave 5 to Anna and bought 7 more. How many apples does he have now?",
  "Prove that the square root of 2 is irrational.",
  "Why does ice float on water? Explain the hydrogen bonding involved.",
  "What is the half-life of carbon-14 and how is it used in dating fossils?",
  "Open the Settings app and turn on dark mode, then restart the phone.",
  "Click the login button on the website and fill in the form with my details.",
  "Write a short poem about autumn leaves.",
  "Summarise the indemnity clause of this contract for a non-lawyer.",
  "hi",
  "Plan a three-day trip to Lisbon with a budget of 600 euros.",
];

const saved: RoutingPolicy = {
  ...DEFAULT_POLICY,
  id: "p1",
  customCategories: [{ name: "legal", keywords: ["contract", "clause"] }],
  rules: { ...DEFAULT_POLICY.rules, legal: { ...DEFAULT_POLICY.rules.general!, qualityBar: 60 } },
};
// Touches every input of the choice: bars, bar raise, threshold, default category, output
// tokens, allowed models, max cost, a dropped rule (computer_use) and a dropped custom rule.
const { computer_use: _dropped, legal: _legal, ...kept } = saved.rules;
const draft: RoutingPolicy = {
  ...saved,
  confidenceThreshold: 0.8,
  defaultCategory: "math",
  difficultyBarRaise: 4,
  outputTokensByCategory: { general: 120 },
  rules: {
    ...kept,
    coding: { ...kept.coding!, qualityBar: 80.8 },
    math: { ...kept.math!, allowedModels: ["claude-opus-4.6", "gpt-5.4", "glm-5"] },
    science: { ...kept.science!, maxCostUsd: 0.004 },
    general: { ...kept.general!, qualityBar: 40 },
  },
};

/** Requests as the gateway records them under the saved policy, with their route() decisions. */
function recorded(): { rows: ReplayRow[]; requests: RouteRequest[] } {
  const rows: ReplayRow[] = [];
  const requests: RouteRequest[] = [];
  let n = 0;
  for (const prompt of PROMPTS) {
    for (const forcedCategory of [undefined, "math", "computer_use", "nope"]) {
      for (const [maxOutputTokens, needsStructuredOutput] of [[undefined, undefined], [80, true], [5_000, undefined], [undefined, true]] as const) {
        const request: RouteRequest = { messages: [{ role: "user", content: prompt }], forcedCategory, maxOutputTokens, needsStructuredOutput };
        const d = route({ request, catalog: DEFAULT_CATALOG, policy: saved, unhealthy: {}, now: NOW });
        n++;
        rows.push({
          id: `r${n}`, category: d.category, categorySource: d.categorySource, difficulty: d.difficulty,
          inputTokens: d.estimate.inputTokens + 37 * n, outputTokens: 11 * n,
          estimatedInputTokens: d.estimate.inputTokens, maxOutputTokens: maxOutputTokens ?? null, forcedCategory: forcedCategory ?? null,
          classifierCategory: d.classifierCategory ?? null, classifierConfidence: d.classifierConfidence ?? null,
          needsStructuredOutput: needsStructuredOutput ?? null,
        });
        requests.push(request);
      }
    }
  }
  return { rows, requests };
}

describe("replayPolicies", () => {
  it("gives route()'s own decisions under both policies, priced on each request's real tokens", () => {
    const { rows, requests } = recorded();
    const result = replayPolicies({ rows, catalog: DEFAULT_CATALOG, saved, draft, now: NOW, sampleSize: 1_000 });

    // Independently: route every request again under each policy and price its real tokens.
    const expectTotals = (policy: RoutingPolicy, totals: typeof result.saved) => {
      let cost = 0;
      let unpriced = 0;
      const mix: Record<string, Record<string, number>> = {};
      const decisions = requests.map((request, i) => {
        const d = route({ request, catalog: DEFAULT_CATALOG, policy, unhealthy: {}, now: NOW });
        const est = d.model ? estimateCost(d.model, rows[i]!.inputTokens, rows[i]!.outputTokens) : null;
        if (est?.priced) cost += est.usd;
        else if (est) unpriced++;
        (mix[d.category] ??= {})[d.model?.id ?? ""] = (mix[d.category]![d.model?.id ?? ""] ?? 0) + 1;
        return d;
      });
      expect(totals.costUsd).toBeCloseTo(cost, 12);
      expect(totals.unpriced).toBe(unpriced);
      expect(totals.degraded).toBe(decisions.filter((d) => d.degraded).length);
      expect(totals.noModel).toBe(decisions.filter((d) => !d.model).length);
      expect(Object.fromEntries(Object.entries(totals.categories).map(([c, t]) => [c, t.models]))).toEqual(mix);
      return decisions;
    };
    const before = expectTotals(saved, result.saved);
    const after = expectTotals(draft, result.draft);
    const changed = rows.filter((_, i) => before[i]!.model?.id !== after[i]!.model?.id);
    expect(result.changed).toBe(changed.length);
    expect(result.sample.map((s) => s.id)).toEqual(changed.map((r) => r.id));
    // The draft really changes things: categories, models, and some requests keep theirs.
    expect(changed.length).toBeGreaterThan(10);
    expect(changed.length).toBeLessThan(rows.length);
    expect(Object.keys(result.draft.categories)).not.toContain("computer_use");
  });

  it("means the chosen models' quality per category, prices the baseline apart and counts unpriced requests", () => {
    const row: ReplayRow = {
      id: "a", category: "math", categorySource: "classifier", difficulty: 0.5, inputTokens: 1_000, outputTokens: 500,
      estimatedInputTokens: 900, maxOutputTokens: null, forcedCategory: null, classifierCategory: "math", classifierConfidence: 0.9,
    };
    // Only GLM-5 (no output price) is allowed for math in the draft.
    const glmOnly: RoutingPolicy = { ...saved, rules: { ...saved.rules, math: { ...saved.rules.math!, allowedModels: ["glm-5"] } } };
    const result = replayPolicies({ rows: [row, { ...row, id: "b" }], catalog: DEFAULT_CATALOG, saved, draft: glmOnly, now: NOW, sampleSize: 1 });
    const gemini = DEFAULT_CATALOG.find((m) => m.id === "gemini-3.1-pro")!;
    const opus = DEFAULT_CATALOG.find((m) => m.id === "claude-opus-4.6")!;
    const usd = (m: typeof gemini) => (estimateCost(m, 1_000, 500) as { usd: number }).usd;
    expect(result.saved).toMatchObject({ costUsd: 2 * usd(gemini), unpriced: 0, baselineCostUsd: 2 * usd(opus), categories: { math: { requests: 2, meanQuality: gemini.quality.math, models: { "gemini-3.1-pro": 2 } } } });
    // Unknown price: counted apart, never $0; unknown quality: no mean; the request is degraded to the only usable model.
    expect(result.draft).toMatchObject({ costUsd: 0, unpriced: 2, degraded: 2, categories: { math: { meanQuality: null, models: { "glm-5": 2 } } } });
    expect(result.changed).toBe(2);
    expect(result.sample).toEqual([{ id: "a", category: "math", before: "gemini-3.1-pro", after: "glm-5", costDeltaUsd: null }]);
  });
});
