import { describe, expect, it } from "vitest";
import { comparePrices, readPriceSnapshot } from "./price-changes";

const t0 = new Date("2026-12-01T00:00:00Z");
const t1 = new Date("2026-12-02T00:00:00Z");
const prices = (entries: [string, number | null, number | null][]) => new Map(entries.map(([m, i, o]) => [m, { inputPerMTok: i, outputPerMTok: o }]));

describe("comparePrices", () => {
  it("only records a model seen for the first time", () => {
    const first = comparePrices(prices([["a", 1, 2]]), {}, 0, t0);
    expect(first).toEqual({ changes: [], snapshot: { a: { inputPerMTok: 1, outputPerMTok: 2, seenAt: t0.toISOString() } }, changed: true });
    expect(comparePrices(prices([["a", 1, 2]]), first.snapshot, 0, t1)).toEqual({ changes: [], snapshot: first.snapshot, changed: false });
  });

  it("reports a price that moved, with both prices and since when the old one was seen", () => {
    const { snapshot } = comparePrices(prices([["a", 1, 2]]), {}, 0, t0);
    const next = comparePrices(prices([["a", 1.5, 2]]), snapshot, 0, t1);
    expect(next.changes).toEqual([{ model: "a", from: { inputPerMTok: 1, outputPerMTok: 2 }, to: { inputPerMTok: 1.5, outputPerMTok: 2 }, inputChangePercent: 50, outputChangePercent: 0, previousSince: t0.toISOString() }]);
    expect(next.snapshot.a).toEqual({ inputPerMTok: 1.5, outputPerMTok: 2, seenAt: t1.toISOString() });
  });

  it("keeps the old price under the threshold so that small steps add up, and counts a price becoming unknown", () => {
    const { snapshot } = comparePrices(prices([["a", 10, 20]]), {}, 5, t0);
    const small = comparePrices(prices([["a", 10.3, 20]]), snapshot, 5, t1);
    expect(small).toMatchObject({ changes: [], changed: false });
    expect(comparePrices(prices([["a", 10.6, 20]]), small.snapshot, 5, t1).changes[0]?.inputChangePercent).toBeCloseTo(6);
    expect(comparePrices(prices([["a", null, 20]]), snapshot, 5, t1).changes[0]).toMatchObject({ to: { inputPerMTok: null }, inputChangePercent: null });
  });
});

describe("readPriceSnapshot", () => {
  it("reads anything malformed as empty", () => {
    expect(readPriceSnapshot(null)).toEqual({});
    expect(readPriceSnapshot({ a: { inputPerMTok: "1" } })).toEqual({});
  });
});
