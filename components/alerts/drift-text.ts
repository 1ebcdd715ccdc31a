// How a drift alert's details read in the console: the metric's move with its unit, the traffic
// it affects and the price change. The details' shape is plan-drift-alerts.ts's DriftAlertDetails;
// only what the page shows is checked here.
import { formatChange, formatMetricValue } from "@/server/alerts/drift/drift-format";
export interface DriftView {
  metric: string;
  metricLabel: string;
  model: string;
  category: string | null;
  unit: string;
  from: number | null;
  to: number | null;
  change: number | null;
  changeUnit: "percent" | "points";
  pValue: number | null;
  since: string;
  window: { referenceFrom: string; recentFrom: string; to: string };
  traffic: { requests: number; sharePercent: number };
  policies: string[];
  links: { logs: string; dashboard: string };
  price?: { from: PriceView; to: PriceView; inputChangePercent: number | null; outputChangePercent: number | null; previousSince: string };
}

interface PriceView {
  inputPerMTok: number | null;
  outputPerMTok: number | null;
}

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
