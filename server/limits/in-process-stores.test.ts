import { describe, expect, it } from "vitest";
import { InProcessBudgetStore } from "./budget-store";
import { InProcessRateWindowStore } from "./rate-window-store";

const limits = { requests: 10, tokens: null };
const cost = { requests: 1, tokens: 0 };

describe("in-process stores keep what can still be read, not every key ever seen", () => {
  it("rate windows: a key's counters go once a newer window than the one after theirs begins", async () => {
    const store = new InProcessRateWindowStore();
    for (let i = 0; i < 1_000; i++) await store.take(`key-${i}`, 100, cost, limits);
    expect(store.size).toBe(1_000);
    await store.take("other", 101, cost, limits);
    // The previous minute's counters stay: its requests in flight still correct their tokens.
    expect(store.size).toBe(1_001);
    await store.take("other", 102, cost, limits);
    expect(store.size).toBe(1);
    expect(await store.take("key-1", 102, { requests: 10, tokens: 0 }, limits)).toBe(true);
  });

  it("budgets: only the newest month and the one before it are kept", async () => {
    const store = new InProcessBudgetStore();
    for (const month of ["2026-10", "2026-11", "2026-12"]) await store.initialise("key:k", month, 5);
    expect(store.usage("key:k", "2026-10")).toBeNull();
    expect(store.usage("key:k", "2026-11")).toEqual({ spentUnits: 5, heldUnits: 0 });
    expect(store.usage("key:k", "2026-12")).toEqual({ spentUnits: 5, heldUnits: 0 });
  });
});
