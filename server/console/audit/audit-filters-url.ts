// Audit filters in a URL's query, so that a filtered view can be linked to and its CSV export
// asks for exactly what the page shows. Unknown or malformed values fall back to "no filter".
import { auditFiltersSchema, NO_AUDIT_FILTERS, type AuditFilters } from "../schemas/audit";

const PARAMS = { actor: "actor", targetType: "type", targetId: "object", action: "action" } as const;

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function auditFiltersFromSearch(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = { ...NO_AUDIT_FILTERS, from: parseDate(params.get("from")), to: parseDate(params.get("to")) };
  for (const [field, param] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) filters[field] = params.get(param)?.trim() || null;
  // Each value is checked on its own, so one bad parameter does not drop the others.
  for (const field of Object.keys(filters) as (keyof AuditFilters)[]) {
    if (!auditFiltersSchema.shape[field].safeParse(filters[field]).success) (filters as Record<string, unknown>)[field] = null;
  }
  return filters;
}

export function auditFiltersToSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, param] of Object.entries(PARAMS) as [keyof typeof PARAMS, string][]) {
    const value = filters[field];
    if (value) params.set(param, value);
  }
  if (filters.from) params.set("from", filters.from.toISOString());
  if (filters.to) params.set("to", filters.to.toISOString());
  return params;
}
