// How a drift alert's details read in the console: the metric's move with its unit, the traffic
// it affects and the price change. Details are stored JSON: only what the page shows is checked
// here before it is read as the shape the alerts job writes.
import { formatChange, formatMetricValue } from "@/server/alerts/drift/drift-format";
import type { DriftAlertDetails } from "@/server/alerts/drift/plan-drift-alerts";

/** A drift alert's details as the page reads them (the shape the alerts job writes). */
export type DriftView = DriftAlertDetails;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export function isDriftView(value: unknown): value is DriftView {
  if (!isRecord(value)) return false;
  const { window, traffic, links, policies } = value;
  return typeof value.metric === "string" && typeof value.metricLabel === "string" && typeof value.since === "string"
    && isRecord(window) && isRecord(traffic) && typeof traffic.requests === "number" && isRecord(links)
    && typeof links.logs === "string" && typeof links.dashboard === "string" && Array.isArray(policies);
}

/** "p95 latency 1,000 ms → 1,500 ms (+50%)"; a price change names both prices. */
export function driftChangeText(d: DriftView): string {
  if (d.price) {
    const side = (label: string, from: number | null, to: number | null, change: number | null) =>
      `${label} ${formatMetricValue(from, "usd_per_mtok")} → ${formatMetricValue(to, "usd_per_mtok")}${change === null ? "" : ` (${formatChange(change, "percent")})`}`;
    return `${side("Input", d.price.from.inputPerMTok, d.price.to.inputPerMTok, d.price.inputChangePercent)}, ${side("output", d.price.from.outputPerMTok, d.price.to.outputPerMTok, d.price.outputChangePercent)} per 1M tokens`;
  }
  const change = d.change === null ? "" : ` (${formatChange(d.change, d.changeUnit)})`;
  return `${d.metricLabel} ${formatMetricValue(d.from, d.unit)} → ${formatMetricValue(d.to, d.unit)}${change}`;
}

export function trafficText(d: DriftView): string {
  const where = d.category ? `in ${d.category}` : "in every category";
  return `${d.traffic.requests.toLocaleString("en-US")} requests ${where} in the recent window (${d.traffic.sharePercent}% of the organisation's)`;
}
