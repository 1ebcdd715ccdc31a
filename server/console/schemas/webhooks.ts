// What the console's Webhooks section may send: an endpoint to add (name, URL, the alert kinds
// it takes; none = every kind), an endpoint to act on, and on/off.
import { z } from "zod";
import { ALERT_KINDS } from "./alerts";
import { boundedList, idSchema, nameSchema, safeText } from "./common";

export const WEBHOOK_EVENTS = ["alert.raised", "alert.resolved", "test"] as const;
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

export const createWebhookSchema = z.object({
  name: nameSchema,
  url: safeText(2000).min(1, "Enter the URL to POST to"),
  kinds: boundedList(z.enum(ALERT_KINDS), ALERT_KINDS.length).transform((kinds) => [...new Set(kinds)]),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookActionSchema = z.object({ id: idSchema });

export const setWebhookEnabledSchema = z.object({ id: idSchema, enabled: z.boolean() });
