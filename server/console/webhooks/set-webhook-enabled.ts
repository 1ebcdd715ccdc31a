// Turns an endpoint on or off. Turning it off also gives up its pending deliveries, so turning it
// on again later does not send a backlog of stale alerts.
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function setWebhookEnabled(actor: TenantActor, id: string, enabled: boolean): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id }, select: { name: true, enabled: true } });
    if (!endpoint) throw notFound("Webhook");
    if (endpoint.enabled === enabled) return;
    await tx.webhookEndpoint.update({ where: { id }, data: { enabled } });
    if (!enabled) {
      await tx.webhookDelivery.updateMany({
        where: { endpointId: id, status: "pending" },
        data: { status: "failed", nextAttemptAt: null, lastError: "The webhook was turned off before this was delivered" },
      });
    }
    await recordAudit(tx, actor, { action: enabled ? "webhook.enabled" : "webhook.disabled", targetType: "webhook", targetId: id, details: { name: endpoint.name } });
  });
}
