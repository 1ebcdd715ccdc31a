// Turns a range choice into the hour-aligned window the rollups can answer exactly, its
// chart buckets (hourly up to 48 h, daily beyond) and the previous period it is compared with.
import type { DashboardFilters } from "./dashboard-filters";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
const HOURLY_UP_TO_MS = 48 * HOUR_MS;

export type BucketSize = "hour" | "day";

export interface DashboardWindow {
  from: Date;
  to: Date;
  bucket: BucketSize;
  /** The previous period: as long as the part of the window that has already happened. */
  previousFrom: Date;
  previousTo: Date;
}

const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;
const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;

export function resolveWindow(filters: Pick<DashboardFilters, "range" | "from" | "to">, now: Date): DashboardWindow {
  const nowMs = now.getTime();
  let from: number;
  let to: number;
  let bucket: BucketSize;
  if (filters.range === "24h") {
    // The current hour is included so that the newest requests show up.
    to = ceilTo(nowMs + 1, HOUR_MS);
    from = to - 24 * HOUR_MS;
    bucket = "hour";
  } else if (filters.range === "7d" || filters.range === "30d") {
    // Whole UTC days, today included, so that daily buckets have calendar labels.
    const days = filters.range === "7d" ? 7 : 30;
    to = ceilTo(nowMs + 1, DAY_MS);
    from = to - days * DAY_MS;
    bucket = "day";
  } else {
    if (!filters.from || !filters.to) throw new Error("A custom range needs from and to");
    bucket = filters.to.getTime() - filters.from.getTime() <= HOURLY_UP_TO_MS ? "hour" : "day";
    const unit = bucket === "hour" ? HOUR_MS : DAY_MS;
    from = floorTo(filters.from.getTime(), unit);
    to = Math.max(ceilTo(filters.to.getTime(), unit), from + unit);
  }
  // Compare like with like: only as much of the previous period as has elapsed of this one.
  const elapsedTo = Math.min(to, ceilTo(nowMs + 1, HOUR_MS));
  const span = to - from;
  return {
    from: new Date(from),
    to: new Date(to),
    bucket,
    previousFrom: new Date(from - span),
    previousTo: new Date(Math.max(from - span, elapsedTo - span)),
  };
}

export function bucketMs(bucket: BucketSize): number {
  return bucket === "hour" ? HOUR_MS : DAY_MS;
}

/** Start of every bucket of the window, oldest first. */
export function bucketStarts(window: Pick<DashboardWindow, "from" | "to" | "bucket">): number[] {
  const step = bucketMs(window.bucket);
  const starts: number[] = [];
  for (let t = window.from.getTime(); t < window.to.getTime(); t += step) starts.push(t);
  return starts;
}
