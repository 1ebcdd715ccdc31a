// A new signing secret, returned this once; the old one stops working at once (receivers that
// still check against it refuse the next delivery until they are given the new one).
import { encryptSecret } from "../../crypto/secret-box";
import { generateWebhookSecret } from "../../webhooks/webhook-signature";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function rotateWebhookSecret(actor: TenantActor, id: string): Promise<{ secret: string }> {
  const secret = generateWebhookSecret();
  await actor.db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id }, select: { name: true } });
    if (!endpoint) throw notFound("Webhook");
    await tx.webhookEndpoint.updateMany({ where: { id }, data: { secretEnc: encryptSecret(secret) } });
    await recordAudit(tx, actor, { action: "webhook.secret_rotated", targetType: "webhook", targetId: id, details: { name: endpoint.name } });
  });
  return { secret };
}
