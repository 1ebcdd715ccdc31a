import type { TenantActor } from "../actor";
import { TENANT_LIMITS } from "../tenant-limits";
import { webhookSummarySelect } from "./webhook-summary";

export function listWebhooks(actor: TenantActor) {
  return actor.db.webhookEndpoint.findMany({ select: webhookSummarySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: TENANT_LIMITS.webhooks });
}
