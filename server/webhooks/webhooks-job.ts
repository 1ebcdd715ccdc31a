/**
 * The webhooks job: runs in every gateway process, and each round one of them (whichever takes
 * PostgreSQL's advisory lock) turns alerts whose status changed into deliveries, prunes the
 * delivery log and claims the deliveries that are due; it then sends them, a few at a time,
 * outside the transaction. Which alerts are sent is read from the Alert table alone (status
 * against `notifiedStatus`), so every kind of alert is delivered whoever raises it. Nothing of
 * this runs on a request's path.
 */
import { randomUUID } from "node:crypto";
import { startProcessJob, startRepeatingJob, stopProcessJob, type RepeatingJob } from "../jobs/repeating-job";
import type { Prisma, PrismaClient } from "../db/generated/client";
import { deliverWebhook, type DeliveryToAttempt } from "./deliver-webhook";
import { WEBHOOK_TIMEOUT_MS, type SendRequest } from "./post-webhook";
import { alertPayload } from "./webhook-payload";

/** The advisory lock's key: one webhooks round at a time across all processes on the database. */
export const WEBHOOKS_LOCK_KEY = 0x5377_5768; // "SwWh"

/** Alerts turned into deliveries per round; the rest wait for the next round. */
const NOTIFY_BATCH = 500;
/** Deliveries sent per round, and at once. */
const SEND_BATCH = 50;
const SEND_CONCURRENCY = 8;
/** A claimed delivery is not claimed again (by any process) until its attempt has surely ended. */
const CLAIM_LEASE_MS = WEBHOOK_TIMEOUT_MS * 12;
/** The delivery log keeps 30 days, pruned a bounded number of rows per round. */
export const DELIVERY_RETENTION_MS = 30 * 86_400_000;
const PRUNE_BATCH = 1_000;

export interface WebhookRoundReport {
  /** False when another process held the lock (this one did nothing). */
  locked: boolean;
  queued: number;
  delivered: number;
  failedAttempts: number;
  pruned: number;
}

export interface WebhookRoundDeps {
  /** The console's public URL (NEXTAUTH_URL), for links in payloads. */
  consoleUrl?: string;
  send?: SendRequest;
}

type Tx = Prisma.TransactionClient;

/**
 * Alerts open or resolved and not yet sent with that status: one delivery per enabled endpoint of
 * their tenant that takes their kind, and the status marked as sent, in the caller's transaction.
 * Acknowledging changes nothing here (an acknowledged alert is neither open nor resolved).
 */
async function queueAlertDeliveries(tx: Tx, now: Date, consoleUrl: string | undefined): Promise<number> {
  const due = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Alert"
    WHERE status IN ('open', 'resolved') AND "notifiedStatus" IS DISTINCT FROM status
    ORDER BY "lastSeenAt" LIMIT ${NOTIFY_BATCH}`;
  if (due.length === 0) return 0;
  const alerts = await tx.alert.findMany({ where: { id: { in: due.map((d) => d.id) } } });
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { enabled: true, tenantId: { in: [...new Set(alerts.map((a) => a.tenantId))] } },
    select: { id: true, tenantId: true, kinds: true },
  });
  const deliveries: Prisma.WebhookDeliveryCreateManyInput[] = [];
  for (const alert of alerts) {
    const event = alert.status === "open" ? "alert.raised" : "alert.resolved";
    for (const endpoint of endpoints) {
      if (endpoint.tenantId !== alert.tenantId || (endpoint.kinds.length > 0 && !endpoint.kinds.includes(alert.kind))) continue;
      const id = randomUUID();
      const payload = alertPayload(id, event, alert, now, consoleUrl);
      deliveries.push({ id, tenantId: alert.tenantId, endpointId: endpoint.id, alertId: alert.id, event, payload: payload as unknown as Prisma.InputJsonValue, nextAttemptAt: now });
    }
  }
  if (deliveries.length > 0) await tx.webhookDelivery.createMany({ data: deliveries });
  for (const status of ["open", "resolved"]) {
    const ids = alerts.filter((a) => a.status === status).map((a) => a.id);
    if (ids.length > 0) await tx.alert.updateMany({ where: { id: { in: ids } }, data: { notifiedStatus: status } });
  }
  return deliveries.length;
}

async function pruneDeliveries(tx: Tx, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_MS);
  return tx.$executeRaw`
    DELETE FROM "WebhookDelivery" WHERE id IN (
      SELECT id FROM "WebhookDelivery" WHERE "createdAt" < ${cutoff} LIMIT ${PRUNE_BATCH})`;
}

/** The due deliveries of this round, leased so that no round (here or elsewhere) takes them again meanwhile. */
async function claimDueDeliveries(tx: Tx, now: Date): Promise<DeliveryToAttempt[]> {
  const due = await tx.webhookDelivery.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: "asc" },
    take: SEND_BATCH,
    select: { id: true, event: true, payload: true, attempts: true, history: true, endpoint: { select: { url: true, secretEnc: true } } },
  });
  if (due.length > 0) {
    await tx.webhookDelivery.updateMany({ where: { id: { in: due.map((d) => d.id) } }, data: { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) } });
  }
  return due;
}

export async function runWebhookRound(db: PrismaClient, now: Date = new Date(), deps: WebhookRoundDeps = {}): Promise<WebhookRoundReport> {
  const planned = await db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${WEBHOOKS_LOCK_KEY}::bigint) AS locked`;
      if (!lock?.locked) return null;
      const queued = await queueAlertDeliveries(tx, now, deps.consoleUrl);
      const pruned = await pruneDeliveries(tx, now);
      return { queued, pruned, claimed: await claimDueDeliveries(tx, now) };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  if (!planned) return { locked: false, queued: 0, delivered: 0, failedAttempts: 0, pruned: 0 };
  const report: WebhookRoundReport = { locked: true, queued: planned.queued, delivered: 0, failedAttempts: 0, pruned: planned.pruned };
  const waiting = [...planned.claimed];
  const worker = async () => {
    for (let delivery = waiting.shift(); delivery; delivery = waiting.shift()) {
      const outcome = await deliverWebhook(db, delivery, now, { retry: true, send: deps.send });
      if (outcome.ok) report.delivered++;
      else report.failedAttempts++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, waiting.length) }, worker));
  return report;
}

// ---- The job: one per process, a round every interval.

export function startWebhooksJob(db: PrismaClient, { intervalMs, consoleUrl, log }: { intervalMs: number; consoleUrl?: string; log?: (message: string) => void }): RepeatingJob {
  return startRepeatingJob(() => runWebhookRound(db, new Date(), { consoleUrl }).then(() => undefined), { name: "webhooks", intervalMs, log });
}

/** Starts the process's webhooks job once; 0 = off. */
export function startProcessWebhooksJob(db: PrismaClient, intervalMs: number, consoleUrl?: string): void {
  startProcessJob("webhooks", intervalMs, () => startWebhooksJob(db, { intervalMs, consoleUrl }));
}

export function stopProcessWebhooksJob(): Promise<void> {
  return stopProcessJob("webhooks");
}
