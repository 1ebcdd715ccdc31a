import { describe, expect, it } from "vitest";
import { DEFAULT_DRIFT_SETTINGS } from "../../console/schemas/drift-settings";
import type { DriftFinding } from "./detect-drift";
import { planDriftAlerts, type DriftContext } from "./plan-drift-alerts";
import type { PriceChange } from "./price-changes";

const now = new Date("2026-12-10T10:20:00Z");
const ctx: DriftContext = {
  windows: { referenceFrom: new Date("2026-12-02T11:00:00Z"), recentFrom: new Date("2026-12-09T11:00:00Z"), to: new Date("2026-12-10T11:00:00Z") },
  recentRequests: new Map([["gpt-5.4|coding", 300], ["gpt-5.4|math", 100], ["other|coding", 600]]),
  tenantRecentRequests: 1000,
  policies: [
    { id: "p1", name: "default", baselineModelSlug: "gpt-5.4", rules: [{ category: "coding", allowedModels: [], fallbackOrder: [] }] },
    { id: "p2", name: "cheap", baselineModelSlug: "other", rules: [{ category: "math", allowedModels: ["other"], fallbackOrder: [] }] },
  ],
  now,
};

const finding = (over: Partial<DriftFinding> = {}): DriftFinding => ({
  model: "gpt-5.4", category: "coding", metric: "latency_p95", from: 1000, to: 1500, change: 50, pValue: 1e-9, detected: true, persisting: true, ...over,
});

describe("planDriftAlerts", () => {
  it("raises one alert per model, category and metric with what changed, since when, the traffic, the policies and links", () => {
    const plan = planDriftAlerts([finding()], [], [], DEFAULT_DRIFT_SETTINGS, ctx);
    expect(plan.refresh).toEqual([]);
    expect(plan.resolve).toEqual([]);
    const [draft] = plan.raise;
    expect(draft).toMatchObject({
      dedupeKey: "drift:latency_p95:gpt-5.4:coding:2026-12-09T11",
      kind: "drift", subjectType: "model", subjectId: "gpt-5.4", severity: "warning",
      title: "gpt-5.4 in coding: p95 latency up 50% (1,000 ms → 1,500 ms)",
    });
    expect(draft?.details).toMatchObject({
      metric: "latency_p95", model: "gpt-5.4", category: "coding", from: 1000, to: 1500, change: 50, changeUnit: "percent",
      since: "2026-12-09T11:00:00.000Z", traffic: { requests: 300, sharePercent: 30 }, policies: ["default"],
      links: {
        logs: `/logs?from=${encodeURIComponent("2026-12-09T11:00:00.000Z")}&model=gpt-5.4&category=coding`,
        dashboard: `/?range=custom&from=${encodeURIComponent("2026-12-02T11:00:00.000Z")}&to=${encodeURIComponent("2026-12-10T11:00:00.000Z")}&model=gpt-5.4&category=coding`,
      },
    });
  });

  it("calls a change three times the minimum effect critical", () => {
    expect(planDriftAlerts([finding({ change: 80 })], [], [], DEFAULT_DRIFT_SETTINGS, ctx).raise[0]?.severity).toBe("critical");
    expect(planDriftAlerts([finding({ metric: "error_rate", from: 1, to: 4, change: 3 })], [], [], { ...DEFAULT_DRIFT_SETTINGS, errorRatePoints: 1 }, ctx).raise[0]?.severity).toBe("critical");
  });

  it("refreshes a persisting change keeping its since, resolves it once back to normal, and leaves it alone without data", () => {
    const known = [{ id: "a1", status: "acknowledged" as const, details: { metric: "latency_p95", model: "gpt-5.4", category: "coding", since: "2026-12-08T09:00:00.000Z" } }];
    const refreshed = planDriftAlerts([finding({ detected: false, persisting: true })], [], known, DEFAULT_DRIFT_SETTINGS, ctx);
    expect(refreshed.raise).toEqual([]);
    expect(refreshed.refresh.map((r) => [r.id, r.draft.details.since])).toEqual([["a1", "2026-12-08T09:00:00.000Z"]]);
    expect(planDriftAlerts([finding({ detected: false, persisting: false })], [], known, DEFAULT_DRIFT_SETTINGS, ctx)).toEqual({ raise: [], refresh: [], resolve: ["a1"] });
    expect(planDriftAlerts([], [], known, DEFAULT_DRIFT_SETTINGS, ctx)).toEqual({ raise: [], refresh: [], resolve: [] });
    // An alert whose details it cannot read is left alone as well.
    expect(planDriftAlerts([finding()], [], [{ id: "x", status: "open", details: {} }], DEFAULT_DRIFT_SETTINGS, ctx).resolve).toEqual([]);
  });

  it("does not raise a change again while the recent window still reaches back to its resolution", () => {
    const resolved = [{ id: "a1", status: "resolved" as const, details: { metric: "latency_p95", model: "gpt-5.4", category: "coding", since: "2026-12-08T09:00:00.000Z" } }];
    expect(planDriftAlerts([finding()], [], resolved, DEFAULT_DRIFT_SETTINGS, ctx)).toEqual({ raise: [], refresh: [], resolve: [] });
    // Another category of the same model is another alert.
    expect(planDriftAlerts([finding({ category: "math" })], [], resolved, DEFAULT_DRIFT_SETTINGS, ctx).raise).toHaveLength(1);
  });

  it("raises a price change for the model's traffic in every category and supersedes the alert on the previous change", () => {
    const change: PriceChange = { model: "gpt-5.4", from: { inputPerMTok: 2, outputPerMTok: 8 }, to: { inputPerMTok: 3, outputPerMTok: 8 }, inputChangePercent: 50, outputChangePercent: 0, previousSince: "2026-12-01T00:00:00.000Z" };
    const known = [{ id: "old", status: "open" as const, details: { metric: "price", model: "gpt-5.4", category: null, since: "2026-12-05T00:00:00.000Z" } }];
    const plan = planDriftAlerts([], [change], known, DEFAULT_DRIFT_SETTINGS, ctx);
    expect(plan.resolve).toEqual(["old"]);
    expect(plan.raise[0]).toMatchObject({
      dedupeKey: "drift:price:gpt-5.4:2026-12-10T10", severity: "info",
      title: "gpt-5.4: catalog price changed from $2 / $8 to $3 / $8 per 1M input / output tokens",
      details: { metric: "price", category: null, traffic: { requests: 400, sharePercent: 40 }, since: now.toISOString(), price: { previousSince: "2026-12-01T00:00:00.000Z" } },
    });
  });
});
