// Model mix per task category, with the category totals.
import type { DashboardFilters } from "./dashboard-filters";
import { resolveWindow, type DashboardWindow } from "./resolve-window";
import { queryCategoryMix } from "./query-category-mix";
import { buildCategoryMix, type CategoryMixResult } from "./build-category-mix";
import type { AnalyticsScope } from "./rollup-query-parts";

export async function getCategoryMix(scope: AnalyticsScope, filters: DashboardFilters, now = new Date()): Promise<{ window: DashboardWindow; mix: CategoryMixResult }> {
  const window = resolveWindow(filters, now);
  return { window, mix: buildCategoryMix(await queryCategoryMix(scope, window, filters)) };
}
