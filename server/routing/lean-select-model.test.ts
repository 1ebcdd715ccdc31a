import { describe, expect, it } from "vitest";
import { createRandom } from "../random/mulberry32";
import { leanSelector } from "./lean-select-model";
import { qualityCeiling, requiredQualityFor, selectModel } from "./select-model";
import type { CatalogModel, CategoryRule } from "./types";

const NOW = new Date("2026-03-15T12:00:00Z");
const CATEGORIES = ["coding", "math", "general"];

/** Random catalogs that hit every branch: ties in price and latency, unknown prices and qualities, small windows, retirements, models that cannot follow a schema. */
function randomCase(rand: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const maybe = <T>(p: number, value: () => T, otherwise: T): T => (rand() < p ? value() : otherwise);
  const size = 1 + Math.floor(rand() * 9);
  const catalog: CatalogModel[] = Array.from({ length: size }, (_, i) => ({
    id: `m${i}`, provider: "p", providerModelId: `m${i}`, displayName: `m${i}`,
    // Few distinct prices, so that cost ties (broken by latency, then id) are common.
    inputPricePerMTok: maybe(0.1, () => null, pick([0.5, 1, 1, 3, 5])),
    outputPricePerMTok: maybe(0.15, () => null, pick([2, 3, 10, 15, 25])),
    contextWindow: pick([4_000, 32_000, 200_000, 1_000_000]),
    quality: Object.fromEntries(CATEGORIES.map((c) => [c, maybe(0.15, () => null, pick([60, 70, 75, 78.9, 80, 80.8, 90]))])),
    latencyMs: maybe(0.2, () => null, pick([300, 800, 800, 2000])),
    enabled: rand() > 0.1,
    deprecatedAt: maybe(0.15, () => new Date(NOW.getTime() + (rand() < 0.5 ? -1 : 1) * 86_400_000).toISOString(), null),
    replacementModelId: null,
    ...(rand() < 0.25 ? { structuredOutputs: false } : {}),
  }));
  const ids = catalog.map((m) => m.id);
  const rule: CategoryRule = {
    qualityBar: pick([50, 65, 70, 75, 79, 85, 95]),
    allowedModels: maybe(0.3, () => [...ids.filter(() => rand() < 0.6), "not-in-catalog"], null),
    fallbackOrder: maybe(0.3, () => ids.filter(() => rand() < 0.3), []),
    maxCostUsd: maybe(0.3, () => pick([0.0005, 0.002, 0.01, 0.05]), null),
    latencyTargetMs: null,
  };
  const unhealthy: Record<string, string> = rand() < 0.2 ? { [pick(ids)]: "circuit open" } : {};
  return { catalog, rule, category: pick(CATEGORIES), unhealthy };
}

describe("leanSelector", () => {
  it("chooses exactly what selectModel chooses on thousands of random cases", () => {
    const rand = createRandom(20261214);
    let degraded = 0;
    let none = 0;
    for (let c = 0; c < 2_000; c++) {
      const { catalog, rule, category, unhealthy } = randomCase(rand);
      const choose = leanSelector(catalog, rule, category, unhealthy, NOW);
      const ceiling = qualityCeiling(catalog, rule, category, NOW);
      for (let r = 0; r < 5; r++) {
        const requiredQuality = requiredQualityFor(rule, 2.5 * rand(), ceiling);
        const inputTokens = Math.floor(rand() < 0.1 ? rand() * 300_000 : rand() * 5_000);
        const outputTokens = rand() < 0.05 ? 0 : Math.floor(rand() * 2_000);
        const needsStructuredOutput = rand() < 0.3;
        const expected = selectModel({ catalog, rule, category, requiredQuality, inputTokens, outputTokens, unhealthy, now: NOW, needsStructuredOutput });
        const lean = choose(requiredQuality, inputTokens, outputTokens, needsStructuredOutput);
        expect({ model: lean.model?.id ?? null, degraded: lean.degraded }).toEqual({ model: expected.model?.id ?? null, degraded: expected.degraded });
        if (expected.degraded) degraded++;
        if (!expected.model) none++;
      }
    }
    // The cases reach the degraded and no-model paths, not only the cheapest-qualifying one.
    expect(degraded).toBeGreaterThan(200);
    expect(none).toBeGreaterThan(200);
  });
});
