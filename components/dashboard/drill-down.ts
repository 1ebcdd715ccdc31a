// Links from a chart element to the request logs that make it up: the dashboard's filters,
// narrowed to the element's time span and dimension.
import type { DashboardDimensions } from "@/server/analytics/dashboard-filters";
import { logFiltersToSearch, NO_LOG_FILTERS } from "@/components/logs/log-filters-url";

export interface DrillDown {
  from: Date;
  to: Date;
  /** The element's own dimension values, e.g. a model or category; they override the filters. */
  narrow?: Partial<DashboardDimensions>;
}

/** Rollups store "none" as ''; the logs cannot filter on a missing value, so it is left open. */
const orNull = (value: string | null | undefined) => (value ? value : null);

export function drillDownHref(filters: DashboardDimensions, target: DrillDown): string {
  const dims = { ...filters, ...target.narrow };
  const params = logFiltersToSearch({
    ...NO_LOG_FILTERS,
    from: target.from,
    to: target.to,
    teamId: orNull(dims.teamId),
    apiKeyId: orNull(dims.apiKeyId),
    policyId: orNull(dims.policyId),
    category: orNull(dims.category),
    model: orNull(dims.model),
  });
  return `/logs?${params.toString()}`;
}
