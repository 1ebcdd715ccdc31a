// Makes one attempt at a delivery and records it: delivered on a 2xx; otherwise pending again
// with the retry schedule's next time, or failed when no attempt is left (or retries are off,
// as for the console's Test button, which shows its one result at once).
import { decryptSecret } from "../crypto/secret-box";
import type { Prisma } from "../db/generated/client";
import { nextAttemptAt } from "./retry-schedule";
import { postWebhook, type AttemptOutcome, type SendRequest } from "./post-webhook";
import type { WebhookEvent } from "./webhook-payload";

export interface DeliveryToAttempt {
  id: string;
  event: string;
  payload: Prisma.JsonValue;
  attempts: number;
  history: Prisma.JsonValue;
  endpoint: { url: string; secretEnc: string };
}

export interface AttemptRecord {
  at: string;
  httpStatus: number | null;
  error: string | null;
}

/** Any client or transaction, tenant-scoped or not. */
type DeliveryWriter = { webhookDelivery: { updateMany(args: { where: { id: string }; data: Prisma.WebhookDeliveryUpdateManyMutationInput }): PromiseLike<unknown> } };

export interface DeliverOptions {
  retry: boolean;
  send?: SendRequest;
}

function readSecret(secretEnc: string): string | null {
  try {
    return decryptSecret(secretEnc);
  } catch {
    return null;
  }
}

export async function deliverWebhook(db: DeliveryWriter, delivery: DeliveryToAttempt, now: Date, { retry, send }: DeliverOptions): Promise<AttemptOutcome> {
  const secret = readSecret(delivery.endpoint.secretEnc);
  const outcome: AttemptOutcome = secret === null
    ? { ok: false, httpStatus: null, error: "The signing secret cannot be read (the server's master key changed); rotate it" }
    : await postWebhook(
        { url: delivery.endpoint.url, secret, eventId: delivery.id, event: delivery.event as WebhookEvent, body: JSON.stringify(delivery.payload) },
        now,
        { send },
      );
  const attempts = delivery.attempts + 1;
  const record: AttemptRecord = { at: now.toISOString(), httpStatus: outcome.httpStatus, error: outcome.ok ? null : outcome.error };
  const history = [...(Array.isArray(delivery.history) ? delivery.history : []), record] as Prisma.InputJsonValue;
  const next = outcome.ok || !retry ? null : nextAttemptAt(attempts, now);
  // updateMany: an endpoint deleted meanwhile took its deliveries with it, which is no error.
  await db.webhookDelivery.updateMany({
    where: { id: delivery.id },
    data: {
      attempts,
      history,
      lastHttpStatus: outcome.httpStatus,
      lastError: record.error,
      status: outcome.ok ? "delivered" : next ? "pending" : "failed",
      nextAttemptAt: next,
      deliveredAt: outcome.ok ? now : null,
    },
  });
  return outcome;
}
