import type { TenantActor } from "../actor";
import { notFound } from "../console-error";

/** The latest deliveries an endpoint's log shows; older ones stay until pruned (30 days). */
export const DELIVERY_PAGE_SIZE = 50;

export async function listWebhookDeliveries(actor: TenantActor, endpointId: string) {
  const endpoint = await actor.db.webhookEndpoint.findFirst({ where: { id: endpointId }, select: { id: true } });
  if (!endpoint) throw notFound("Webhook");
  return actor.db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: DELIVERY_PAGE_SIZE,
    select: { id: true, event: true, alertId: true, status: true, attempts: true, lastHttpStatus: true, lastError: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
  });
}
