import { z } from "zod";
import { idSchema, pageSchema } from "./common";

export const logFiltersSchema = z.object({
  from: z.date().nullable(),
  to: z.date().nullable(),
  apiKeyId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  policyId: idSchema.nullable().default(null),
  category: z.string().trim().max(40).nullable(),
  model: z.string().trim().max(80).nullable(),
  status: z.enum(["any", "success", "error"]),
  cache: z.enum(["any", "hit", "miss"]),
});
export type LogFilters = z.infer<typeof logFiltersSchema>;

export const listRequestLogsSchema = pageSchema.extend({ filters: logFiltersSchema });
