// The dashboard's filters live in its URL (range, custom dates, team, key, category, model,
// policy) so that a view can be shared; parameter names match the logs page's.
import { DASHBOARD_RANGES, DEFAULT_DASHBOARD_FILTERS, dashboardFiltersSchema, type DashboardFilters, type DashboardRange } from "@/server/analytics/dashboard-filters";
import { parseDate } from "@/components/logs/log-filters-url";

const TEXT_PARAMS = { team: "teamId", key: "apiKeyId", category: "category", model: "model", policy: "policyId" } as const;

/** Anything invalid in the URL gives the default view rather than an error. */
export function dashboardFiltersFromSearch(params: URLSearchParams): DashboardFilters {
  const range = params.get("range");
  const candidate: DashboardFilters = {
    ...DEFAULT_DASHBOARD_FILTERS,
    range: DASHBOARD_RANGES.includes(range as DashboardRange) ? (range as DashboardRange) : DEFAULT_DASHBOARD_FILTERS.range,
    from: range === "custom" ? parseDate(params.get("from")) : null,
    to: range === "custom" ? parseDate(params.get("to")) : null,
  };
  for (const [param, field] of Object.entries(TEXT_PARAMS)) candidate[field] = params.get(param)?.trim() || null;
  const parsed = dashboardFiltersSchema.safeParse(candidate);
  return parsed.success ? parsed.data : { ...candidate, range: DEFAULT_DASHBOARD_FILTERS.range, from: null, to: null };
}

export function dashboardFiltersToSearch(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.range !== DEFAULT_DASHBOARD_FILTERS.range) params.set("range", filters.range);
  if (filters.range === "custom") {
    if (filters.from) params.set("from", filters.from.toISOString());
    if (filters.to) params.set("to", filters.to.toISOString());
  }
  for (const [param, field] of Object.entries(TEXT_PARAMS)) {
    const value = filters[field];
    if (value) params.set(param, value);
  }
  return params;
}

/**
 * The query string after one filter change. It starts from the query as it is now rather than
 * from the filters of the last render: two changes in quick succession (the second before the
 * page has re-rendered with the first) must both land.
 */
export function applyDashboardFilterChange(currentSearch: string, change: Partial<DashboardFilters>): string {
  const current = dashboardFiltersFromSearch(new URLSearchParams(currentSearch));
  return dashboardFiltersToSearch({ ...current, ...change }).toString();
}

export interface DimensionNames {
  teams: ReadonlyArray<{ id: string; name: string }>;
  keys: ReadonlyArray<{ id: string; name: string }>;
  policies: ReadonlyArray<{ id: string; name: string }>;
}

/** The dimension filters in words, for the heading over the figures: "Team Search · coding · gpt-5.4", or "All traffic". */
export function describeDimensionFilters(filters: DashboardFilters, names: DimensionNames): string {
  const nameOf = (list: DimensionNames[keyof DimensionNames], id: string) => list.find((item) => item.id === id)?.name ?? id;
  const parts = [
    filters.teamId && `Team ${nameOf(names.teams, filters.teamId)}`,
    filters.apiKeyId && `Key ${nameOf(names.keys, filters.apiKeyId)}`,
    filters.policyId && `Policy ${nameOf(names.policies, filters.policyId)}`,
    filters.category && `Category ${filters.category}`,
    filters.model && `Model ${filters.model}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length === 0 ? "All teams, keys, policies, categories and models" : parts.join(" · ");
}
