// The webhooks job against a real database and a receiver on loopback (which the test set-up's
// allow-list lets through): retries on the back-off schedule until delivered or given up, every
// attempt recorded, and exactly one delivery per matching endpoint for a raised budget alert.
import { createHmac, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { runAlertRound } from "../alerts/alerts-job";
import { encryptSecret } from "../crypto/secret-box";
import { startScriptedServer, type FakeUpstream, type RecordedRequest } from "../testing/fake-upstreams";
import { setupTestDatabase } from "../testing/setup-test-database";
import { UsageWriter } from "../usage/usage-writer";
import { MAX_ATTEMPTS } from "./retry-schedule";
import { DELIVERY_RETENTION_MS, runWebhookRound, WEBHOOKS_LOCK_KEY } from "./webhooks-job";

const t = setupTestDatabase();
const SECRET = "whsec_job-test-secret";
const receivers: FakeUpstream[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(statusOf: (index: number) => number): Promise<FakeUpstream> {
  let index = 0;
  const server = await startScriptedServer(() => ({ status: statusOf(index++), json: { ignored: "x".repeat(100_000) } }));
  receivers.push(server);
  return server;
}

async function tenant() {
  return (await t.db.tenant.create({ data: { name: "Hooks", slug: `hooks-${randomUUID()}` } })).id;
}

function endpoint(tenantId: string, url: string, data: { kinds?: string[]; enabled?: boolean; name?: string } = {}) {
  return t.db.webhookEndpoint.create({ data: { tenantId, name: data.name ?? "ops", url, kinds: data.kinds ?? [], enabled: data.enabled ?? true, secretEnc: encryptSecret(SECRET) } });
}

/** An alert of a kind no job raises: whatever writes an alert, the webhooks job sends it. */
function openAlert(tenantId: string) {
  return t.db.alert.create({
    data: { tenantId, kind: "latency", subjectType: "model", subjectId: "gpt-5.4", dedupeKey: `latency:${randomUUID()}`, severity: "warning", title: 'Model "gpt-5.4" answers 3x slower than last week', details: { p50Ms: 2400 } },
  });
}

/** What a receiver does: recompute the HMAC over "<t>.<raw body>" with its copy of the secret. */
function signatureValid(req: RecordedRequest, secret = SECRET): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers["x-switchyard-signature"]));
  if (!match) return false;
  return createHmac("sha256", secret).update(`${match[1]}.${JSON.stringify(req.body)}`).digest("hex") === match[2];
}

const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);
const deliveriesOf = (endpointId: string) => t.db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: "asc" } });

describe("webhooks round", () => {
  it("retries a receiver that fails twice with back-off, records every attempt and ends delivered", async () => {
    const tenantId = await tenant();
    const hook = await receiver((i) => (i < 2 ? 500 : 204));
    const ep = await endpoint(tenantId, `${hook.url}/hooks/alerts`);
    const alert = await openAlert(tenantId);
    const t0 = new Date("2026-12-14T12:00:00Z");

    expect(await runWebhookRound(t.db, t0, { consoleUrl: "https://console.example.com" })).toMatchObject({ locked: true, queued: 1, delivered: 0, failedAttempts: 1 });
    let [delivery] = await deliveriesOf(ep.id);
    expect(delivery).toMatchObject({ event: "alert.raised", alertId: alert.id, status: "pending", attempts: 1, lastHttpStatus: 500, lastError: "The receiver answered HTTP 500" });
    expect(delivery?.nextAttemptAt).toEqual(at(t0, 30));
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: alert.id } })).notifiedStatus).toBe("open");

    // Not due yet: nothing is sent.
    expect(await runWebhookRound(t.db, at(t0, 29))).toMatchObject({ queued: 0, delivered: 0, failedAttempts: 0 });
    expect(hook.requests).toHaveLength(1);

    await runWebhookRound(t.db, at(t0, 30));
    [delivery] = await deliveriesOf(ep.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 2, lastHttpStatus: 500 });
    expect(delivery?.nextAttemptAt).toEqual(at(t0, 30 + 120));

    expect(await runWebhookRound(t.db, at(t0, 150))).toMatchObject({ delivered: 1 });
    [delivery] = await deliveriesOf(ep.id);
    expect(delivery).toMatchObject({ status: "delivered", attempts: 3, lastHttpStatus: 204, lastError: null, nextAttemptAt: null });
    expect(delivery?.deliveredAt).toEqual(at(t0, 150));
    expect(delivery?.history).toEqual([
      { at: t0.toISOString(), httpStatus: 500, error: "The receiver answered HTTP 500" },
      { at: at(t0, 30).toISOString(), httpStatus: 500, error: "The receiver answered HTTP 500" },
      { at: at(t0, 150).toISOString(), httpStatus: 204, error: null },
    ]);

    // Every attempt: the same event, the same id, a valid signature; the payload as documented.
    expect(hook.requests).toHaveLength(3);
    for (const req of hook.requests) {
      expect(req).toMatchObject({ method: "POST", path: "/hooks/alerts" });
      expect(req.headers["x-switchyard-event-id"]).toBe(delivery?.id);
      expect(req.headers["x-switchyard-event"]).toBe("alert.raised");
      expect(signatureValid(req)).toBe(true);
      expect(signatureValid(req, "whsec_another-secret")).toBe(false);
    }
    expect(hook.requests[0]?.body).toMatchObject({
      id: delivery?.id,
      type: "alert.raised",
      text: '[warning] Alert raised: Model "gpt-5.4" answers 3x slower than last week (latency)\n<https://console.example.com/alerts|Open the Alerts page>',
      alert: { id: alert.id, kind: "latency", severity: "warning", status: "open", details: { p50Ms: 2400 }, url: "https://console.example.com/alerts" },
    });

    // Acknowledging sends nothing; resolving sends alert.resolved once.
    await t.db.alert.update({ where: { id: alert.id }, data: { status: "acknowledged" } });
    expect(await runWebhookRound(t.db, at(t0, 200))).toMatchObject({ queued: 0 });
    await t.db.alert.update({ where: { id: alert.id }, data: { status: "resolved", resolvedAt: at(t0, 250) } });
    expect(await runWebhookRound(t.db, at(t0, 300))).toMatchObject({ queued: 1, delivered: 1 });
    expect(await runWebhookRound(t.db, at(t0, 400))).toMatchObject({ queued: 0, delivered: 0 });
    expect((await deliveriesOf(ep.id)).map((d) => [d.event, d.status])).toEqual([["alert.raised", "delivered"], ["alert.resolved", "delivered"]]);
  });

  it("gives up on a receiver that always fails after the maximum number of attempts, and a redirect counts as a failure", async () => {
    const tenantId = await tenant();
    const hook = await receiver((i) => (i === 0 ? 302 : 503));
    const ep = await endpoint(tenantId, hook.url);
    await openAlert(tenantId);
    let now = new Date("2026-12-14T12:00:00Z");
    await runWebhookRound(t.db, now);
    expect((await deliveriesOf(ep.id))[0]?.lastError).toBe("The receiver answered HTTP 302; redirects are not followed");
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = (await deliveriesOf(ep.id))[0]!.nextAttemptAt!;
      await runWebhookRound(t.db, now);
    }
    const [delivery] = await deliveriesOf(ep.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastHttpStatus: 503, nextAttemptAt: null, deliveredAt: null });
    expect(delivery?.history).toHaveLength(MAX_ATTEMPTS);
    // 30 s + 2 min + 10 min + 1 h + 6 h after the first attempt.
    expect(now.getTime() - new Date("2026-12-14T12:00:00Z").getTime()).toBe((30 + 120 + 600 + 3600 + 21_600) * 1000);
    expect(await runWebhookRound(t.db, at(now, 86_400))).toMatchObject({ delivered: 0, failedAttempts: 0 });
    expect(hook.requests).toHaveLength(MAX_ATTEMPTS);
  });

  it("a raised budget alert makes exactly one delivery per enabled endpoint that takes its kind", async () => {
    const tenantId = await tenant();
    const other = await tenant();
    const hook = await receiver(() => 200);
    const key = await t.db.apiKey.create({ data: { tenantId, name: "ci", prefix: "sy_test", hash: randomUUID(), monthlyBudgetUsd: 4 } });
    const writer = new UsageWriter(t.db);
    writer.record({
      id: randomUUID(), tenantId, apiKeyId: key.id, teamId: null, policyId: "pol-1", endpoint: "openai", requestedModel: "auto", category: "coding",
      categorySource: "classifier", confidence: 0.9, difficulty: 0.4, chosenModel: "gpt-5.4", provider: "openai", attempts: [], fallbackCount: 0,
      inputTokens: 100, outputTokens: 50, costUsd: 2.4, baselineCostUsd: 2.4, latencyMs: 420, ttftMs: 180, cacheHit: false, stream: false,
      simulated: true, status: 200, errorClass: null, explanation: { summary: "test" }, createdAt: new Date("2026-12-02T09:00:00Z"),
    });
    await writer.flush();
    const every = await endpoint(tenantId, `${hook.url}/every`, { name: "every" });
    const budget = await endpoint(tenantId, `${hook.url}/budget`, { name: "budget", kinds: ["budget"] });
    const drift = await endpoint(tenantId, `${hook.url}/drift`, { name: "drift", kinds: ["drift"] });
    const off = await endpoint(tenantId, `${hook.url}/off`, { name: "off", enabled: false });
    const foreign = await endpoint(other, `${hook.url}/foreign`, { name: "foreign" });

    const now = new Date("2026-12-06T00:00:00Z");
    expect(await runAlertRound(t.db, now)).toMatchObject({ raised: 1 });
    expect(await runWebhookRound(t.db, now)).toMatchObject({ queued: 2, delivered: 2 });
    expect(await runWebhookRound(t.db, at(now, 60))).toMatchObject({ queued: 0, delivered: 0 });
    const counts = await Promise.all([every, budget, drift, off, foreign].map(async (e) => (await deliveriesOf(e.id)).length));
    expect(counts).toEqual([1, 1, 0, 0, 0]);
    expect(hook.requests.map((r) => r.path).sort()).toEqual(["/budget", "/every"]);
    expect(hook.requests.every((r) => r.body.alert.kind === "budget" && r.body.alert.title.includes('key "ci" passed 50%'))).toBe(true);
  });

  it("prunes deliveries older than 30 days, and does nothing while another process holds the lock", async () => {
    const tenantId = await tenant();
    const ep = await endpoint(tenantId, "https://hooks.example.com/x");
    const now = new Date("2026-12-14T12:00:00Z");
    const old = { tenantId, endpointId: ep.id, event: "test", payload: {}, status: "delivered" };
    await t.db.webhookDelivery.createMany({
      data: [
        { ...old, id: randomUUID(), createdAt: new Date(now.getTime() - DELIVERY_RETENTION_MS - 1) },
        { ...old, id: randomUUID(), createdAt: new Date(now.getTime() - DELIVERY_RETENTION_MS + 60_000) },
      ],
    });
    await openAlert(tenantId);

    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const hasLock = new Promise<void>((r) => (locked = r));
    const holder = t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WEBHOOKS_LOCK_KEY}::bigint)`;
      locked();
      await held;
    });
    await hasLock;
    expect(await runWebhookRound(t.db, now)).toEqual({ locked: false, queued: 0, delivered: 0, failedAttempts: 0, pruned: 0 });
    release();
    await holder;
    expect(await deliveriesOf(ep.id)).toHaveLength(2);

    const round = await runWebhookRound(t.db, now, { send: async () => { throw Object.assign(new Error("getaddrinfo ENOTFOUND hooks.example.com"), { code: "ENOTFOUND" }); } });
    expect(round).toMatchObject({ locked: true, queued: 1, pruned: 1, failedAttempts: 1 });
    const left = await deliveriesOf(ep.id);
    expect(left.map((d) => d.event)).toEqual(["test", "alert.raised"]);
    expect(left[1]).toMatchObject({ status: "pending", lastHttpStatus: null, lastError: "The host name does not resolve" });
  });
});
