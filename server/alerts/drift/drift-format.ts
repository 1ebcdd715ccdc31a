/**
 * How drift values read, in an alert's title (written by the alerts job) and on the Alerts page
 * (components/alerts/drift-text.ts): one formatting for both, so they never disagree.
 */

/** A metric's value in its unit (see METRIC_INFO in detect-drift.ts; usd_per_mtok for prices). */
export function formatMetricValue(value: number | null, unit: string): string {
  if (value === null) return "unknown";
  switch (unit) {
    case "ms": return `${Math.round(value).toLocaleString("en-US")} ms`;
    case "usd": return `$${value.toPrecision(3)}`;
    case "usd_per_mtok": return `$${value}`;
    case "tokens": return Math.round(value).toLocaleString("en-US");
    case "percent_of_requests": return `${value.toFixed(1)}%`;
    default: return value.toFixed(1);
  }
}

/** "+50%", "−20.4 points", "±0%". */
export function formatChange(change: number, changeUnit: "percent" | "points"): string {
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return changeUnit === "percent" ? `${sign}${Math.abs(change).toFixed(0)}%` : `${sign}${Math.abs(change).toFixed(1)} points`;
}
