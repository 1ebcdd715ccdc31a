// What a dashboard view is filtered by. The tenant is never part of it: queries take it from
// the signed-in member's context. Shared by the console API and the page that keeps the
// filters in its URL.
import { z } from "zod";
import { dateSchema, idSchema, safeText } from "../console/schemas/common";

export const DASHBOARD_RANGES = ["24h", "7d", "30d", "custom"] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

/** Longest custom range: a year of daily buckets is still a readable chart. */
export const MAX_CUSTOM_RANGE_DAYS = 366;

export const dashboardDimensionsSchema = z.object({
  teamId: idSchema.nullable(),
  apiKeyId: idSchema.nullable(),
  category: safeText(40).nullable(),
  model: safeText(80).nullable(),
  policyId: idSchema.nullable(),
});
export type DashboardDimensions = z.infer<typeof dashboardDimensionsSchema>;

export const dashboardFiltersSchema = dashboardDimensionsSchema
  .extend({
    range: z.enum(DASHBOARD_RANGES),
    /** Only read when range is "custom". */
    from: dateSchema.nullable(),
    to: dateSchema.nullable(),
  })
  .refine((f) => f.range !== "custom" || (f.from !== null && f.to !== null && f.from < f.to), {
    message: "A custom range needs a start before its end",
    path: ["from"],
  })
  .refine((f) => f.range !== "custom" || !f.from || !f.to || f.to.getTime() - f.from.getTime() <= MAX_CUSTOM_RANGE_DAYS * 86_400_000, {
    message: `A custom range spans at most ${MAX_CUSTOM_RANGE_DAYS} days`,
    path: ["to"],
  });
export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export const DEFAULT_DASHBOARD_FILTERS: DashboardFilters = {
  range: "30d", from: null, to: null, teamId: null, apiKeyId: null, category: null, model: null, policyId: null,
};
