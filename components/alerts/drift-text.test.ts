import { describe, expect, it } from "vitest";
import { formatChange } from "@/server/alerts/drift/drift-format";
import { driftChangeText, isDriftView, trafficText, type DriftView } from "./drift-text";

const view: DriftView = {
  metric: "latency_p95", metricLabel: "p95 latency", model: "gpt-5.4", category: "coding", unit: "ms", from: 1000, to: 1504.4, change: 50.44, changeUnit: "percent",
  pValue: 1e-9, since: "2026-12-09T11:00:00.000Z", window: { referenceFrom: "2026-12-02T11:00:00.000Z", recentFrom: "2026-12-09T11:00:00.000Z", to: "2026-12-10T11:00:00.000Z" },
  traffic: { requests: 1234, sharePercent: 30 }, policies: ["default"], links: { logs: "/logs?model=gpt-5.4", dashboard: "/?model=gpt-5.4" },
};

describe("drift text", () => {
  it("reads the metric's move with its unit and sign", () => {
    expect(driftChangeText(view)).toBe("p95 latency 1,000 ms → 1,504 ms (+50%)");
    expect(driftChangeText({ ...view, metricLabel: "feedback score", unit: "points", from: 82, to: 61.55, change: -20.45, changeUnit: "points" })).toBe("feedback score 82.0 → 61.5 (−20.4 points)");
    expect(driftChangeText({ ...view, metricLabel: "error rate", unit: "percent_of_requests", from: 1, to: 7.5, change: 6.5, changeUnit: "points" })).toBe("error rate 1.0% → 7.5% (+6.5 points)");
    expect(formatChange(0, "percent")).toBe("±0%");
  });

  it("names both prices of a price change, unknown ones as unknown", () => {
    const price = { from: { inputPerMTok: 2, outputPerMTok: 8 }, to: { inputPerMTok: 3, outputPerMTok: null }, inputChangePercent: 50, outputChangePercent: null, previousSince: "2026-12-01T00:00:00.000Z" };
    expect(driftChangeText({ ...view, metric: "price", category: null, price })).toBe("Input $2 → $3 (+50%), output $8 → unknown per 1M tokens");
    expect(trafficText({ ...view, category: null })).toBe("1,234 requests in every category in the recent window (30% of the organisation's)");
  });

  it("tells drift details from anything else", () => {
    expect(isDriftView(view)).toBe(true);
    expect(isDriftView({ spentPercent: 80, since: "2026-12-01T00:00:00.000Z" })).toBe(false);
    expect(isDriftView(null)).toBe(false);
  });
});
