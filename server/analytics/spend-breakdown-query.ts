// What a spend breakdown asks for: whole UTC days, one dimension to group by, and the
// dashboard's filters. The tenant is never part of it (it comes from the caller's context).
import { z } from "zod";
import { dashboardDimensionsSchema, MAX_CUSTOM_RANGE_DAYS } from "./dashboard-filters";
import { DAY_MS } from "./resolve-window";

export const SPEND_GROUPS = ["day", "key", "team", "model", "category"] as const;
export type SpendGroup = (typeof SPEND_GROUPS)[number];

const daySchema = z.iso.date("A date as YYYY-MM-DD");

export const spendBreakdownQuerySchema = dashboardDimensionsSchema
  .omit({ policyId: true })
  .partial()
  .extend({
    /** First day, UTC. */
    from: daySchema,
    /** Last day, UTC, included. */
    to: daySchema,
    groupBy: z.enum(SPEND_GROUPS).default("day"),
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_CUSTOM_RANGE_DAYS * DAY_MS, {
    message: `A range spans at most ${MAX_CUSTOM_RANGE_DAYS} days`,
    path: ["to"],
  });
export type SpendBreakdownQuery = z.infer<typeof spendBreakdownQuerySchema>;
