// Labels for chart axes and tooltips. Times are UTC, like the rollup buckets.
import type { BucketSize } from "@/server/analytics/resolve-window";
import { formatUsd } from "@/components/ui/format";

const HOUR_LABEL = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
const DAY_LABEL = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });

export function formatBucket(t: number, bucket: BucketSize): string {
  return bucket === "hour" ? HOUR_LABEL.format(t) : DAY_LABEL.format(t);
}

export function formatUsdAxis(value: number): string {
  if (Math.abs(value) >= 1000) return `$${(value / 1000).toFixed(1)}k`;
  return `$${value >= 10 || value === 0 ? value.toFixed(0) : value.toFixed(2)}`;
}

export function formatMs(value: number | null): string {
  if (value === null) return "no data";
  return value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function formatShare(value: number | null): string {
  return value === null ? "no data" : `${(value * 100).toFixed(1)} %`;
}

/** Tooltip value: a gap in a series says "no data" rather than looking like $0. */
export function formatTooltipUsd(value: unknown): string {
  return typeof value === "number" ? formatUsd(value) : "no data";
}

/** Axis ticks and labels draw in the current text colour, which the page sets per colour scheme. */
export const AXIS_TEXT = { fontSize: 12, fill: "currentColor" } as const;
/** Tooltips take the scheme's surface colours (a style, unlike an SVG attribute, reads CSS variables). */
export const TOOLTIP_STYLE = { backgroundColor: "var(--color-white)", borderColor: "var(--color-slate-200)", color: "var(--color-slate-900)" } as const;

const PALETTE = ["#4f46e5", "#0891b2", "#16a34a", "#ca8a04", "#dc2626", "#9333ea", "#db2777", "#0d9488", "#ea580c", "#64748b", "#2563eb", "#65a30d"];

/** The same model gets the same colour in every chart: its place in the tenant's model list. */
export function modelColor(model: string, allModels: readonly string[]): string {
  const index = allModels.indexOf(model);
  return PALETTE[(index === -1 ? allModels.length : index) % PALETTE.length]!;
}

/** Rollups keep "none" as ''. */
export function dimensionLabel(value: string, none: string): string {
  return value === "" ? none : value;
}
