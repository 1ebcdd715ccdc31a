// What the Alerts page may ask for: filters over the tenant's alerts, and an alert to act on.
import { z } from "zod";
import { idSchema } from "./common";

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;
export const ALERT_KINDS = ["budget", "drift"] as const;

export const listAlertsSchema = z.object({
  status: z.enum(ALERT_STATUSES).nullable().default(null),
  kind: z.enum(ALERT_KINDS).nullable().default(null),
  severity: z.enum(ALERT_SEVERITIES).nullable().default(null),
});
export type AlertFilters = z.infer<typeof listAlertsSchema>;

export const alertActionSchema = z.object({ id: idSchema });
