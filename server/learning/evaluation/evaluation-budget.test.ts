import { describe, expect, it } from "vitest";
import { InProcessBudgetStore } from "../../limits/budget-store";
import { knownSpend } from "../../testing/evaluation-spend";
import { EvaluationBudget } from "./evaluation-budget";

const dec = new Date("2026-12-15T10:00:00Z");

function budgetWith(seed: Record<string, number>, store = new InProcessBudgetStore()) {
  const loads: { tenantId: string; monthStart: string }[] = [];
  const budget = new EvaluationBudget(store, async (tenantId, monthStart) => {
    loads.push({ tenantId, monthStart: monthStart.toISOString() });
    return seed[`${tenantId}@${monthStart.toISOString().slice(0, 7)}`] ?? 0;
  });
  return { budget, loads, store };
}

describe("EvaluationBudget", () => {
  it("reserves while the month's spend plus reservations stay within the budget, then refuses", async () => {
    const { budget, store } = budgetWith({ "t1@2026-12": 9 });
    const first = await budget.reserve("t1", 10, 0.6, dec);
    expect(first).not.toBeNull();
    expect(await budget.reserve("t1", 10, 0.6, dec)).toBeNull();
    expect(knownSpend(store, "t1")).toEqual({ spentUsd: 9, reservedUsd: 0.6 });
    // Settling with less than reserved frees the difference.
    await budget.settle(first!, 0.2);
    expect(knownSpend(store, "t1")).toEqual({ spentUsd: 9.2, reservedUsd: 0 });
    expect(await budget.reserve("t1", 10, 0.6, dec)).not.toBeNull();
    expect(await budget.reserve("t1", 10, 0.6, dec)).toBeNull();
  });

  it("is one cap for every process that shares the store (the workers of a server)", async () => {
    const store = new InProcessBudgetStore();
    const workers = [budgetWith({ "t1@2026-12": 8 }, store), budgetWith({ "t1@2026-12": 8 }, store)];
    const held = await Promise.all(workers.flatMap(({ budget }) => [budget.reserve("t1", 10, 0.75, dec), budget.reserve("t1", 10, 0.75, dec)]));
    // $2 left: two of the four $0.75 evaluations fit, whichever process asks.
    expect(held.filter(Boolean)).toHaveLength(2);
    expect(knownSpend(store, "t1")).toEqual({ spentUsd: 8, reservedUsd: 1.5 });
  });

  it("a null or zero budget means no evaluations, without reading the spend", async () => {
    const { budget, loads } = budgetWith({});
    expect(await budget.reserve("t1", null, 0.01, dec)).toBeNull();
    expect(await budget.reserve("t1", 0, 0.01, dec)).toBeNull();
    expect(loads).toEqual([]);
  });

  it("seeds each tenant once per month, even when many evaluations start at once", async () => {
    const { budget, loads, store } = budgetWith({ "t1@2026-12": 1, "t2@2026-12": 2 });
    await Promise.all(Array.from({ length: 10 }, () => budget.reserve("t1", 100, 0.1, dec)));
    await budget.reserve("t2", 100, 0.1, dec);
    await budget.reserve("t1", 100, 0.1, dec);
    expect(loads).toEqual([
      { tenantId: "t1", monthStart: "2026-12-01T00:00:00.000Z" },
      { tenantId: "t2", monthStart: "2026-12-01T00:00:00.000Z" },
    ]);
    expect(knownSpend(store, "t1")!.reservedUsd).toBeCloseTo(1.1);
  });

  it("starts over when the UTC month turns; a reservation from the old month settles into the old month", async () => {
    const { budget, loads, store } = budgetWith({ "t1@2026-12": 5, "t1@2027-01": 0 });
    const old = await budget.reserve("t1", 5.5, 0.5, dec);
    expect(old).not.toBeNull();
    const jan = new Date("2027-01-01T00:00:01Z");
    expect(await budget.reserve("t1", 5.5, 5, jan)).not.toBeNull();
    await budget.settle(old!, 0.5);
    expect(knownSpend(store, "t1", "2027-01")).toEqual({ spentUsd: 0, reservedUsd: 5 });
    expect(loads.map((l) => l.monthStart)).toEqual(["2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"]);
  });

  it("an unpriced evaluation counts as what it reserved", async () => {
    const { budget, store } = budgetWith({});
    const r = await budget.reserve("t1", 1, 0.3, dec);
    await budget.settle(r!, null);
    expect(knownSpend(store, "t1")).toEqual({ spentUsd: 0.3, reservedUsd: 0 });
  });
});
