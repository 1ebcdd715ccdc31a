import { z } from "zod";
import { dateSchema, idSchema, pageSchema, safeText } from "./common";

export const logFiltersSchema = z.object({
  from: dateSchema.nullable(),
  to: dateSchema.nullable(),
  apiKeyId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  policyId: idSchema.nullable().default(null),
  category: safeText(40).nullable(),
  model: safeText(80).nullable(),
  status: z.enum(["any", "success", "error"]),
  cache: z.enum(["any", "hit", "miss"]),
  /** Text to find in stored prompts and answers, request ids, model names and key names. */
  search: safeText(200).nullable().default(null),
});
export type LogFilters = z.infer<typeof logFiltersSchema>;

export const listRequestLogsSchema = pageSchema.extend({ filters: logFiltersSchema });
export const countRequestLogsSchema = z.object({ filters: logFiltersSchema });
