import { describe, expect, it } from "vitest";
import { budgetDedupeKey, budgetDrafts, forecastBudget, planBudgetAlerts, type BudgetSubject } from "./budget-alerts";

const subject = (over: Partial<BudgetSubject> = {}): BudgetSubject => ({
  type: "key", id: "k1", name: "ci", budgetUsd: 100, spentUsd: 0, last7DaysUsd: 0, ...over,
});
const dec10 = new Date("2026-12-10T00:00:00Z");
const dec3 = new Date("2026-12-03T12:00:00Z");

describe("budgetDrafts", () => {
  it("raises one alert per crossed threshold, louder as the spend grows", () => {
    expect(budgetDrafts(subject({ spentUsd: 49.99 }), dec10)).toEqual([]);
    expect(budgetDrafts(subject({ spentUsd: 50 }), dec10).map((d) => d.severity)).toEqual(["info"]);
    expect(budgetDrafts(subject({ spentUsd: 85 }), dec10).map((d) => [d.details.thresholdPercent, d.severity])).toEqual([[50, "info"], [80, "warning"]]);
    const all = budgetDrafts(subject({ spentUsd: 120 }), dec10);
    expect(all.map((d) => d.severity)).toEqual(["info", "warning", "critical"]);
    expect(all[2]?.details.spentPercent).toBe(120);
    expect(all[2]?.title).toContain("used its whole monthly budget ($120.00 of $100.00)");
  });

  it("names subject, month and threshold in the dedupe key and links to the subject's logs this month", () => {
    const [draft] = budgetDrafts(subject({ type: "team", id: "t9", spentUsd: 60 }), dec10);
    expect(draft?.dedupeKey).toBe("budget:team:t9:2026-12:50");
    expect(draft?.details.link).toBe(`/logs?from=${encodeURIComponent("2026-12-01T00:00:00.000Z")}&team=t9`);
    expect(draft?.details.since).toBe("2026-12-01T00:00:00.000Z");
  });

  it("has nothing to say about a zero budget", () => {
    expect(budgetDrafts(subject({ budgetUsd: 0, spentUsd: 5 }), dec10)).toEqual([]);
  });
});

describe("planBudgetAlerts", () => {
  it("raises a crossed threshold once per month: refreshed while unresolved, never raised again once resolved", () => {
    const s = subject({ spentUsd: 55 });
    const first = planBudgetAlerts([s], [], dec10);
    expect(first.raise.map((d) => d.dedupeKey)).toEqual(["budget:key:k1:2026-12:50"]);
    const key = budgetDedupeKey("key", "k1", dec10, 50);
    const again = planBudgetAlerts([s], [{ id: "a1", dedupeKey: key, status: "acknowledged" }], dec10);
    expect(again).toEqual({ raise: [], refresh: [{ id: "a1", draft: first.raise[0] }], resolve: [] });
    expect(planBudgetAlerts([s], [{ id: "a1", dedupeKey: key, status: "resolved" }], dec10)).toEqual({ raise: [], refresh: [], resolve: [] });
  });

  it("resolves by itself when the month turns, the budget is raised above the spend, or the subject loses its budget", () => {
    const known = [{ id: "a1", dedupeKey: "budget:key:k1:2026-11:80", status: "open" as const }];
    const turned = planBudgetAlerts([subject({ spentUsd: 1 })], known, dec3);
    expect(turned.resolve).toEqual(["a1"]);
    const dec = [{ id: "a2", dedupeKey: budgetDedupeKey("key", "k1", dec10, 80), status: "open" as const }, { id: "a3", dedupeKey: budgetDedupeKey("key", "k1", dec10, 50), status: "open" as const }];
    const raised = planBudgetAlerts([subject({ budgetUsd: 100, spentUsd: 60 })], dec, dec10);
    expect(raised.resolve).toEqual(["a2"]);
    expect(raised.refresh.map((r) => r.id)).toEqual(["a3"]);
    expect(planBudgetAlerts([], dec, dec10).resolve).toEqual(["a2", "a3"]);
    // Already resolved alerts are left alone.
    expect(planBudgetAlerts([], [{ id: "a4", dedupeKey: "budget:key:k1:2026-11:50", status: "resolved" }], dec10).resolve).toEqual([]);
  });
});

describe("forecastBudget", () => {
  it("uses the month-to-date pace in the first week", () => {
    // 2.5 days into December, $25 spent: $10 a day, $75 left -> 7.5 days later.
    const f = forecastBudget({ budgetUsd: 100, spentUsd: 25, last7DaysUsd: 999 }, dec3);
    expect(f.pace).toBe("month_to_date");
    expect(f.usdPerDay).toBeCloseTo(10);
    expect(f.runsOutAt).toBe("2026-12-11T00:00:00.000Z");
  });

  it("uses the last 7 days' pace once the month has run a week", () => {
    // $70 in the last week = $10 a day; $40 left -> 4 days.
    const f = forecastBudget({ budgetUsd: 100, spentUsd: 60, last7DaysUsd: 70 }, dec10);
    expect(f.pace).toBe("last_7_days");
    expect(f.runsOutAt).toBe("2026-12-14T00:00:00.000Z");
  });

  it("says not this month when the pace does not reach the budget before the month ends, or there is no spend", () => {
    expect(forecastBudget({ budgetUsd: 100, spentUsd: 10, last7DaysUsd: 7 }, dec10).runsOutAt).toBeNull();
    expect(forecastBudget({ budgetUsd: 100, spentUsd: 0, last7DaysUsd: 0 }, dec10).runsOutAt).toBeNull();
  });

  it("says now when the budget is already spent", () => {
    expect(forecastBudget({ budgetUsd: 100, spentUsd: 100, last7DaysUsd: 0 }, dec10).runsOutAt).toBe(dec10.toISOString());
  });
});
