// Adds an endpoint. Its URL passes the same save-time check as provider base URLs (well-formed,
// not reaching a non-public address unless the operator allows the host); every connection is
// checked again when a delivery is sent. The signing secret is returned this once, and stored
// encrypted like provider credentials.
import { encryptSecret } from "../../crypto/secret-box";
import { checkUpstreamBaseUrl } from "../../providers/check-upstream-base-url";
import { generateWebhookSecret } from "../../webhooks/webhook-signature";
import type { TenantActor } from "../actor";
import { invalid } from "../console-error";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";
import type { CreateWebhookInput } from "../schemas/webhooks";
import { webhookSummarySelect } from "./webhook-summary";

export async function checkWebhookUrl(raw: string): Promise<string> {
  const check = await checkUpstreamBaseUrl(raw);
  if (!check.ok) throw invalid(`URL: ${check.reason}`);
  // The URL as given (the base-URL check drops a trailing slash, which a receiver may need).
  return new URL(raw.trim()).toString();
}

export async function createWebhook(actor: TenantActor, input: CreateWebhookInput) {
  await requireRoom(actor.db.webhookEndpoint.count(), TENANT_LIMITS.webhooks, "webhooks", "delete one first");
  const url = await checkWebhookUrl(input.url);
  const secret = generateWebhookSecret();
  const webhook = await actor.db.$transaction(async (tx) => {
    const row = await tx.webhookEndpoint.create({
      data: { tenantId: actor.tenantId, name: input.name, url, kinds: input.kinds, secretEnc: encryptSecret(secret) },
      select: webhookSummarySelect,
    });
    await recordAudit(tx, actor, { action: "webhook.created", targetType: "webhook", targetId: row.id, details: { name: row.name, host: new URL(url).host, kinds: row.kinds } });
    return row;
  });
  return { webhook, secret };
}
