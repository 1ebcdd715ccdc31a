// "Test": a test event sent at once, one attempt, its outcome shown (HTTP status or our own
// description of the failure) and kept in the delivery log like any other delivery.
import { randomUUID } from "node:crypto";
import { env } from "../../env";
import type { Prisma } from "../../db/generated/client";
import { deliverWebhook } from "../../webhooks/deliver-webhook";
import type { SendRequest } from "../../webhooks/post-webhook";
import { testPayload } from "../../webhooks/webhook-payload";
import type { TenantActor } from "../actor";
import { ConsoleError, notFound } from "../console-error";
import { recordAudit } from "../record-audit";

/** Test events per endpoint and hour: the button sends a request each time, to a URL the tenant chose. */
export const TESTS_PER_HOUR = 20;

export type WebhookTestResult = { ok: boolean; httpStatus: number | null; error: string | null };

export async function testWebhook(actor: TenantActor, id: string, { send, now = new Date() }: { send?: SendRequest; now?: Date } = {}): Promise<WebhookTestResult> {
  const endpoint = await actor.db.webhookEndpoint.findFirst({ where: { id }, select: { id: true, name: true, url: true, secretEnc: true } });
  if (!endpoint) throw notFound("Webhook");
  const recent = await actor.db.webhookDelivery.count({ where: { endpointId: id, event: "test", createdAt: { gte: new Date(now.getTime() - 3_600_000) } } });
  if (recent >= TESTS_PER_HOUR) throw new ConsoleError("rate_limited", `At most ${TESTS_PER_HOUR} test events per webhook and hour; try again later`);
  const deliveryId = randomUUID();
  const payload = testPayload(deliveryId, now, env.NEXTAUTH_URL) as unknown as Prisma.InputJsonValue;
  const delivery = await actor.db.webhookDelivery.create({
    data: { id: deliveryId, tenantId: actor.tenantId, endpointId: id, event: "test", payload },
    select: { id: true, event: true, payload: true, attempts: true, history: true },
  });
  const outcome = await deliverWebhook(actor.db, { ...delivery, endpoint }, now, { retry: false, send });
  const result: WebhookTestResult = { ok: outcome.ok, httpStatus: outcome.httpStatus, error: outcome.ok ? null : outcome.error };
  await recordAudit(actor.db, actor, { action: "webhook.tested", targetType: "webhook", targetId: id, details: { name: endpoint.name, ok: result.ok, httpStatus: result.httpStatus } });
  return result;
}
