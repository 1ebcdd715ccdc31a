// Log filters in a URL's query, so that a filtered view (e.g. a dashboard drill-down) can be
// linked to, shared, reloaded and walked with back and forward, and the CSV export reads the
// same view. Unknown or malformed values fall back to "no filter".
import type { LogFilters } from "./logs";

export const NO_LOG_FILTERS: LogFilters = {
  from: null, to: null, apiKeyId: null, teamId: null, policyId: null, category: null, model: null, status: "any", cache: "any", search: null,
};

const TEXT_PARAMS = { key: "apiKeyId", team: "teamId", policy: "policyId", category: "category", model: "model", q: "search" } as const;

export function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function logFiltersFromSearch(params: URLSearchParams): LogFilters {
  const filters: LogFilters = { ...NO_LOG_FILTERS, from: parseDate(params.get("from")), to: parseDate(params.get("to")) };
  for (const [param, field] of Object.entries(TEXT_PARAMS)) filters[field] = params.get(param)?.trim() || null;
  const status = params.get("status");
  if (status === "success" || status === "error") filters.status = status;
  const cache = params.get("cache");
  if (cache === "hit" || cache === "miss") filters.cache = cache;
  return filters;
}

export function logFiltersToSearch(filters: LogFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.from) params.set("from", filters.from.toISOString());
  if (filters.to) params.set("to", filters.to.toISOString());
  for (const [param, field] of Object.entries(TEXT_PARAMS)) {
    const value = filters[field];
    if (value) params.set(param, value);
  }
  if (filters.status !== "any") params.set("status", filters.status);
  if (filters.cache !== "any") params.set("cache", filters.cache);
  return params;
}
