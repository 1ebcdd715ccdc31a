// Deletes an endpoint and, with it, its delivery log.
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function deleteWebhook(actor: TenantActor, id: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id }, select: { name: true, url: true } });
    if (!endpoint) throw notFound("Webhook");
    await tx.webhookEndpoint.deleteMany({ where: { id } });
    await recordAudit(tx, actor, { action: "webhook.deleted", targetType: "webhook", targetId: id, details: { name: endpoint.name, host: new URL(endpoint.url).host } });
  });
}
