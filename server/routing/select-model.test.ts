import { describe, expect, it } from "vitest";
import { qualityCeiling, requiredQualityFor } from "./select-model";
import { route } from "./route";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "./defaults";
import { SELECTION_NOW as NOW, model, rule, sel } from "../testing/selection-fixtures";

const statusOf = (s: ReturnType<typeof sel>, id: string) => s.candidates.find((c) => c.modelId === id);

describe("selectModel", () => {
  it("chooses the cheapest model meeting the bar and orders the rest by cost", () => {
    const s = sel([model("pricey", { inputPricePerMTok: 10 }), model("cheap"), model("mid", { inputPricePerMTok: 5 })]);
    expect(s.model?.id).toBe("cheap");
    expect(s.fallbacks.map((m) => m.id)).toEqual(["mid", "pricey"]);
    expect(s.degraded).toBe(false);
    expect(statusOf(s, "cheap")?.status).toBe("chosen");
    expect(statusOf(s, "mid")?.status).toBe("fallback");
  });

  it("breaks cost ties by latency", () => {
    const s = sel([model("slow", { latencyMs: 2000 }), model("fast", { latencyMs: 300 })]);
    expect(s.model?.id).toBe("fast");
    expect(statusOf(s, "fast")?.reason).toMatch(/latency/);
  });

  it("skips disabled models", () => {
    const s = sel([model("off", { enabled: false, inputPricePerMTok: 0.1 }), model("on")]);
    expect(s.model?.id).toBe("on");
    expect(statusOf(s, "off")).toMatchObject({ status: "skipped", reason: "disabled" });
  });

  it("treats a model as deprecated from the exact instant of deprecatedAt on", () => {
    const cat = (at: string) => [model("old", { deprecatedAt: at, inputPricePerMTok: 0.1, replacementModelId: "new" }), model("new")];
    expect(sel(cat(NOW.toISOString())).model?.id).toBe("new");
    expect(statusOf(sel(cat(NOW.toISOString())), "old")?.reason).toMatch(/deprecated since .*replacement: new/);
    expect(sel(cat(new Date(NOW.getTime() + 1).toISOString())).model?.id).toBe("old");
    expect(sel(cat(new Date(NOW.getTime() - 1).toISOString())).model?.id).toBe("new");
  });

  it("skips models whose context window is smaller than the estimated tokens", () => {
    const s = sel([model("small", { contextWindow: 1499, inputPricePerMTok: 0.1 }), model("big")]);
    expect(s.model?.id).toBe("big");
    expect(statusOf(s, "small")?.reason).toMatch(/context window 1499 < 1500/);
    expect(sel([model("exact", { contextWindow: 1500 })]).model?.id).toBe("exact");
  });

  it("skips models over the rule's max cost and unpriced models when a cap is set", () => {
    // cheap: 1000*1e-6 + 500*2e-6 = $0.002; pricey: $0.011
    const s = sel([model("pricey", { inputPricePerMTok: 10 }), model("cheap"), model("unpriced", { outputPricePerMTok: null })], {
      rule: rule({ maxCostUsd: 0.005 }),
    });
    expect(s.model?.id).toBe("cheap");
    expect(s.fallbacks).toEqual([]);
    expect(statusOf(s, "pricey")?.reason).toMatch(/over max/);
    expect(statusOf(s, "unpriced")?.reason).toMatch(/cannot check max cost/);
  });

  it("only considers the rule's allowed models, and counts the others instead of listing them", () => {
    const s = sel([model("cheap"), model("allowed", { inputPricePerMTok: 9 }), model("other")], { rule: rule({ allowedModels: ["allowed"] }) });
    expect(s.model?.id).toBe("allowed");
    expect(s.candidates.map((c) => c.modelId)).toEqual(["allowed"]);
    expect(s.modelsNotAllowed).toBe(2);
    const all = sel([model("cheap"), model("allowed", { inputPricePerMTok: 9 })]);
    expect(all.candidates).toHaveLength(2);
    expect(all.modelsNotAllowed).toBe(0);
  });

  it("skips unhealthy models and reports the reason", () => {
    const s = sel([model("cheap"), model("other", { inputPricePerMTok: 3 })], { unhealthy: { cheap: "circuit open after 5 errors" } });
    expect(s.model?.id).toBe("other");
    expect(statusOf(s, "cheap")?.reason).toBe("unhealthy: circuit open after 5 errors");
  });

  it("ranks unknown prices after priced models and never reports $0", () => {
    const s = sel([model("unknown", { inputPricePerMTok: null, outputPricePerMTok: null, latencyMs: 1 }), model("priced", { inputPricePerMTok: 50 })]);
    expect(s.model?.id).toBe("priced");
    expect(s.fallbacks.map((m) => m.id)).toEqual(["unknown"]);
    const c = statusOf(s, "unknown")!;
    expect(c.expectedCostUsd).toBeNull();
    expect(c.reason).toMatch(/price unknown.*ranked after priced/);
    const only = sel([model("unknown", { outputPricePerMTok: null })]);
    expect(only.model?.id).toBe("unknown");
    expect(only.choiceReason).toMatch(/price is unknown/);
  });

  it("never lets an unknown quality meet a bar", () => {
    const s = sel([model("mystery", { quality: { coding: null }, inputPricePerMTok: 0.1 }), model("known")]);
    expect(s.model?.id).toBe("known");
    expect(statusOf(s, "mystery")?.reason).toMatch(/unknown, cannot meet bar/);
    expect(statusOf(s, "mystery")?.quality).toBeNull();
  });

  it("degrades to the best-quality usable model when nothing meets the bar", () => {
    const s = sel([model("a", { quality: { coding: 60 } }), model("b", { quality: { coding: 65 }, inputPricePerMTok: 9 }), model("off", { enabled: false, quality: { coding: 99 } })], { requiredQuality: 90 });
    expect(s.degraded).toBe(true);
    expect(s.model?.id).toBe("b");
    expect(s.fallbacks.map((m) => m.id)).toEqual(["a"]);
    expect(s.error).toBeNull();
    expect(s.choiceReason).toMatch(/no model meets bar 90.0/);
  });

  it("returns no model and an actionable error when nothing is usable", () => {
    const s = sel([model("a", { enabled: false }), model("b", { contextWindow: 10 })]);
    expect(s.model).toBeNull();
    expect(s.fallbacks).toEqual([]);
    expect(s.error?.code).toBe("no_model_available");
    expect(s.error?.message).toBe('No usable model for rule "coding": a: disabled; b: context window 10 < 1500 estimated tokens');
    expect(sel([]).error?.message).toBe('No usable model for rule "coding": the catalog is empty');
  });

  it("names, for a rule with nothing usable, each allowed model's reason and the allowed ids the catalog lacks, and counts the rest", () => {
    const catalog = [
      model("off", { enabled: false }),
      model("retired", { deprecatedAt: "2026-01-01T00:00:00Z", replacementModelId: "next" }),
      model("tripped"),
      model("pricey", { inputPricePerMTok: 100 }),
      model("elsewhere-1"),
      model("elsewhere-2"),
    ];
    const s = sel(catalog, {
      rule: rule({ allowedModels: ["off", "retired", "tripped", "pricey", "gpt-4o-mni"], maxCostUsd: 0.01 }),
      unhealthy: { tripped: "circuit open after repeated failures" },
    });
    expect(s.model).toBeNull();
    expect(s.error?.message).toBe(
      'No usable model for rule "coding": off: disabled; retired: deprecated since 2026-01-01T00:00:00Z (replacement: next); ' +
        "tripped: unhealthy: circuit open after repeated failures; pricey: expected cost $0.1010 over max $0.0100; " +
        "gpt-4o-mni: not in the catalog; 2 other catalog models are not in the rule's allowed models",
    );
  });

  it("backs a single qualifying model with the best priced model below the bar", () => {
    const s = sel([
      model("weak", { quality: { coding: 60 } }),
      model("only"),
      model("fair", { quality: { coding: 65 }, inputPricePerMTok: 9 }),
      model("unpriced", { quality: { coding: 69 }, inputPricePerMTok: null }),
      model("off", { enabled: false, quality: { coding: 90 } }),
    ]);
    expect(s.model?.id).toBe("only");
    expect(s.degraded).toBe(false);
    expect(s.fallbacks.map((m) => m.id)).toEqual(["fair"]);
    expect(statusOf(s, "fair")).toMatchObject({ status: "fallback", reason: expect.stringMatching(/^last-resort fallback \(the only model meeting the bar is tried first\): quality 65\.0 below bar 70\.0/) });
    expect(statusOf(s, "weak")?.status).toBe("skipped");
    // With two qualifying models the plan stays among them.
    expect(sel([model("a"), model("b"), model("fair", { quality: { coding: 65 } })]).fallbacks.map((m) => m.id)).toEqual(["b"]);
  });

  it("puts the rule's fallbackOrder first in the fallback plan", () => {
    const s = sel([model("cheap"), model("mid", { inputPricePerMTok: 5 }), model("pricey", { inputPricePerMTok: 10 })], {
      rule: rule({ fallbackOrder: ["pricey", "missing"] }),
    });
    expect(s.fallbacks.map((m) => m.id)).toEqual(["pricey", "mid"]);
  });
});

describe("difficulty-raised bar", () => {
  const catalog = [
    model("best", { quality: { coding: 81 }, inputPricePerMTok: 5 }),
    model("good", { quality: { coding: 79 } }),
    model("retired", { quality: { coding: 95 }, deprecatedAt: "2026-01-01T00:00:00Z" }),
    model("off", { quality: { coding: 99 }, enabled: false }),
    model("unscored", { quality: {} }),
  ];

  it("stops at the best quality of enabled, current, allowed models", () => {
    expect(qualityCeiling(catalog, rule(), "coding", NOW)).toBe(81);
    expect(qualityCeiling(catalog, rule({ allowedModels: ["good"] }), "coding", NOW)).toBe(79);
    expect(qualityCeiling(catalog, rule(), "math", NOW)).toBeNull();
    expect(requiredQualityFor(rule({ qualityBar: 78 }), 0.5, 81)).toBe(78.5);
    expect(requiredQualityFor(rule({ qualityBar: 78 }), 5, 81)).toBe(81);
    expect(requiredQualityFor(rule({ qualityBar: 78 }), 5, null)).toBe(83);
    // A bar above everything the catalog has stays where the policy put it.
    expect(requiredQualityFor(rule({ qualityBar: 85 }), 2, 81)).toBe(85);
  });

  it("sends the hardest prompts to the best model without calling them degraded", () => {
    const required = requiredQualityFor(rule({ qualityBar: 78 }), 2.5, qualityCeiling(catalog, rule(), "coding", NOW));
    const s = sel(catalog, { rule: rule({ qualityBar: 78 }), requiredQuality: required });
    expect(s.model?.id).toBe("best");
    expect(s.degraded).toBe(false);
  });

  it("is still degraded when the best model is unhealthy", () => {
    const required = requiredQualityFor(rule({ qualityBar: 78 }), 2.5, qualityCeiling(catalog, rule(), "coding", NOW));
    const s = sel(catalog, { rule: rule({ qualityBar: 78 }), requiredQuality: required, unhealthy: { best: "circuit open" } });
    expect(s.model?.id).toBe("good");
    expect(s.degraded).toBe(true);
  });
});

describe("route (selection with the default catalog)", () => {
  const ask = (content: string, over: Partial<Parameters<typeof route>[0]> = {}) =>
    route({ request: { messages: [{ role: "user", content }] }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: NOW, ...over });

  it("sends science to the cheapest model that meets the bar and explains the saving", () => {
    const d = ask("Which organelle produces ATP in eukaryotic cells?\nA. Nucleus\nB. Mitochondrion\nC. Ribosome\nD. Golgi apparatus");
    expect(d.category).toBe("science");
    expect(d.model?.id).toBe("gemini-3-flash");
    expect(d.estimate.costUsd).not.toBeNull();
    expect(d.estimate.baselineCostUsd!).toBeGreaterThan(d.estimate.costUsd!);
    expect(d.summary).toMatch(/^science \(\d\.\d\d\), difficulty \d\.\d\d → gemini-3-flash: cheapest meeting bar \d+\.\d; est \$[\d.]+ vs \$[\d.]+ on claude-opus-4\.6 \(−\d+%\)$/);
  });

  it("moves to the next model when the chosen one is unhealthy", () => {
    const d = ask("Which organelle produces ATP in eukaryotic cells?\nA. Nucleus\nB. Mitochondrion", { unhealthy: { "gemini-3-flash": "circuit open" } });
    expect(d.model?.id).not.toBe("gemini-3-flash");
    expect(d.candidates.find((c) => c.modelId === "gemini-3-flash")).toMatchObject({ status: "skipped", reason: "unhealthy: circuit open" });
  });

  it("uses max_tokens as the output estimate when it is smaller", () => {
    const d = route({ request: { messages: [{ role: "user", content: "Tell me a joke." }], maxOutputTokens: 50 }, catalog: DEFAULT_CATALOG, policy: DEFAULT_POLICY, unhealthy: {}, now: NOW });
    expect(d.estimate.outputTokens).toBe(50);
    expect(ask("Tell me a joke.").estimate.outputTokens).toBeGreaterThan(50);
  });

  it("returns an error decision when every model is unavailable", () => {
    const catalog = DEFAULT_CATALOG.map((m) => ({ ...m, enabled: false }));
    const d = ask("hello", { catalog });
    expect(d.model).toBeNull();
    expect(d.error?.code).toBe("no_model_available");
    expect(d.summary).toMatch(/no model/);
  });
});
