// Key figures of the window and their change against the previous period (one rollup scan).
import type { DashboardFilters } from "./dashboard-filters";
import { resolveWindow, type DashboardWindow } from "./resolve-window";
import { queryPeriodSums } from "./query-period-sums";
import { buildKpis, type Kpis } from "./build-kpis";
import type { AnalyticsScope } from "./rollup-query-parts";

export async function getDashboardKpis(scope: AnalyticsScope, filters: DashboardFilters, now = new Date()): Promise<{ window: DashboardWindow; kpis: Kpis }> {
  const window = resolveWindow(filters, now);
  return { window, kpis: buildKpis(await queryPeriodSums(scope, window, filters)) };
}
