// Spend by model, actual against baseline cost, and latency per model, over time.
import type { DashboardFilters } from "./dashboard-filters";
import { bucketStarts, resolveWindow, type DashboardWindow } from "./resolve-window";
import { queryTimeSeries } from "./query-time-series";
import { buildTimeSeries, type TimeSeries } from "./build-time-series";
import type { AnalyticsScope } from "./rollup-query-parts";

export async function getDashboardTrends(scope: AnalyticsScope, filters: DashboardFilters, now = new Date()): Promise<{ window: DashboardWindow; series: TimeSeries }> {
  const window = resolveWindow(filters, now);
  const rows = await queryTimeSeries(scope, window, filters);
  return { window, series: buildTimeSeries(rows, bucketStarts(window)) };
}
