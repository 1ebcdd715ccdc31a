import type { TenantActor } from "../actor";
import { MAX_WEBHOOKS_PER_TENANT } from "../schemas/webhooks";
import { webhookSummarySelect } from "./webhook-summary";

export function listWebhooks(actor: TenantActor) {
  return actor.db.webhookEndpoint.findMany({ select: webhookSummarySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: MAX_WEBHOOKS_PER_TENANT });
}
