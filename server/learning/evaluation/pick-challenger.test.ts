import { describe, expect, it } from "vitest";
import type { CatalogModel } from "../../routing/types";
import { pickChallenger, turnOf, type ChallengerInput } from "./pick-challenger";

const model = (id: string, price: number, quality: number | null, extra: Partial<CatalogModel> = {}): CatalogModel => ({
  id, provider: "openai", providerModelId: id, displayName: id, inputPricePerMTok: price, outputPricePerMTok: price * 4,
  contextWindow: 100_000, quality: { coding: quality }, latencyMs: null, enabled: true, deprecatedAt: null, replacementModelId: null, ...extra,
});

const tiny = model("tiny", 0.1, 50);
const small = model("small", 0.5, 65);
const mid = model("mid", 2, 75);
const large = model("large", 5, 85);
const huge = model("huge", 15, 92);
const catalog = [huge, tiny, large, small, mid];

/** Request ids whose turn is each role (found by scanning, so the test follows turnOf). */
const idFor = (role: "cheaper" | "better") => Array.from({ length: 50 }, (_, i) => `req_${i}`).find((id) => turnOf(id) === role)!;

const input = (over: Partial<ChallengerInput> = {}): ChallengerInput => ({
  served: mid, catalog, rule: { allowedModels: null }, category: "coding", requestId: idFor("cheaper"), now: new Date("2026-12-01T00:00:00Z"),
  inputTokens: 1000, outputTokens: 500, ...over,
});

describe("pickChallenger", () => {
  it("offers the next cheaper model on the cheaper turn and the next better one on the better turn", () => {
    expect(pickChallenger(input())).toEqual({ model: small, role: "cheaper" });
    expect(pickChallenger(input({ requestId: idFor("better") }))).toEqual({ model: large, role: "better" });
  });

  it("takes turns about evenly over many requests, and always the same for one request", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `req_${i.toString(16)}`);
    const cheaper = ids.filter((id) => pickChallenger(input({ requestId: id }))!.role === "cheaper").length;
    expect(cheaper / ids.length).toBeGreaterThan(0.4);
    expect(cheaper / ids.length).toBeLessThan(0.6);
    expect(pickChallenger(input({ requestId: ids[7]! }))).toEqual(pickChallenger(input({ requestId: ids[7]! })));
  });

  it("falls back to whichever exists: the cheapest model has no cheaper one, the best no better one", () => {
    expect(pickChallenger(input({ served: tiny }))).toEqual({ model: small, role: "better" });
    expect(pickChallenger(input({ served: huge, requestId: idFor("better") }))).toEqual({ model: large, role: "cheaper" });
    expect(pickChallenger(input({ served: mid, catalog: [mid] }))).toBeNull();
  });

  it("considers only models the rule could route to: enabled, not retired, allowed, priced", () => {
    const others = [
      model("off", 1, 70, { enabled: false }),
      model("retired", 1, 70, { deprecatedAt: "2026-11-01T00:00:00Z" }),
      model("unpriced", 1, 70, { outputPricePerMTok: null }),
      model("not-allowed", 1, 70),
    ];
    const rule = { allowedModels: ["mid", "off", "retired", "unpriced", "tiny", "large"] };
    expect(pickChallenger(input({ catalog: [mid, tiny, large, ...others], rule }))).toEqual({ model: tiny, role: "cheaper" });
    // Retired later than now is still eligible.
    const later = model("later", 1, 70, { deprecatedAt: "2027-01-01T00:00:00Z" });
    expect(pickChallenger(input({ catalog: [mid, later, tiny] }))!.model.id).toBe("later");
  });

  it("reads 'better' from the catalog it is given, so applied profiles count", () => {
    const profiled = catalog.map((m) => (m.id === "huge" ? { ...m, quality: { coding: 78 } } : m));
    expect(pickChallenger(input({ catalog: profiled, requestId: idFor("better") }))!.model.id).toBe("huge");
  });

  it("prices the request's own tokens: a model cheap on input but dear on output is not cheaper for a long answer", () => {
    const lopsided = model("lopsided", 0.01, 60, { outputPricePerMTok: 100 });
    // Weaker and, for this request, dearer: neither role fits.
    expect(pickChallenger(input({ catalog: [mid, lopsided], inputTokens: 100, outputTokens: 5000 }))).toBeNull();
    expect(pickChallenger(input({ catalog: [mid, lopsided], inputTokens: 100_000, outputTokens: 1 }))).toEqual({ model: lopsided, role: "cheaper" });
  });
});
