// The Webhooks section's API through the console's real router: admins add endpoints (the secret
// shown once, never listed), test them at once against a receiver on loopback (allowed by the
// test set-up's allow-list), read the delivery log, rotate, turn off and delete; all audited,
// members and viewers refused, and nothing of another tenant's reachable.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startScriptedServer, type FakeUpstream, type RecordedRequest } from "../testing/fake-upstreams";
import { setupTestDatabase } from "../testing/setup-test-database";
import { TENANT_LIMITS } from "../console/tenant-limits";
import { TESTS_PER_HOUR } from "../console/webhooks/test-webhook";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

function signedWith(req: RecordedRequest, secret: string): boolean {
  const [, ts, mac] = /^t=(\d+),v1=([0-9a-f]+)$/.exec(String(req.headers["x-switchyard-signature"])) ?? [];
  return createHmac("sha256", secret).update(`${ts}.${JSON.stringify(req.body)}`).digest("hex") === mac;
}

describe("webhooks router", () => {
  let fx: Fixture;
  let receiver: FakeUpstream;
  let status = 200;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    receiver = await startScriptedServer(() => ({ status, json: { ok: status < 300 } }));
  });
  afterAll(() => receiver?.close());

  it("adds a webhook with its secret shown once, tests it at once with a signed request, and logs the delivery", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const { webhook, secret } = await admin.webhooks.create({ name: "Ops", url: `${receiver.url}/hook/`, kinds: ["budget", "budget"] });
    expect(secret).toMatch(/^whsec_/);
    expect(webhook).toMatchObject({ name: "Ops", url: `${receiver.url}/hook/`, kinds: ["budget"], enabled: true });
    const listed = await admin.webhooks.list();
    expect(listed.map((w) => w.id)).toEqual([webhook.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(JSON.stringify(await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: webhook.id } }))).not.toContain(secret);

    expect(await admin.webhooks.test({ id: webhook.id })).toEqual({ ok: true, httpStatus: 200, error: null });
    const req = receiver.requests.at(-1)!;
    expect(req.path).toBe("/hook/");
    expect(signedWith(req, secret)).toBe(true);
    expect(req.body).toMatchObject({ type: "test", alert: null, text: expect.stringContaining("test event") });

    status = 500;
    expect(await admin.webhooks.test({ id: webhook.id })).toEqual({ ok: false, httpStatus: 500, error: "The receiver answered HTTP 500" });
    status = 200;
    const log = await admin.webhooks.deliveries({ id: webhook.id });
    expect(log.map((d) => [d.event, d.status, d.attempts, d.lastHttpStatus, d.nextAttemptAt])).toEqual([
      ["test", "failed", 1, 500, null],
      ["test", "delivered", 1, 200, null],
    ]);
    expect(log[1]?.id).toBe(req.headers["x-switchyard-event-id"]);

    // Rotation: the next delivery is signed with the new secret only.
    const { secret: rotated } = await admin.webhooks.rotateSecret({ id: webhook.id });
    await admin.webhooks.test({ id: webhook.id });
    expect(signedWith(receiver.requests.at(-1)!, rotated)).toBe(true);
    expect(signedWith(receiver.requests.at(-1)!, secret)).toBe(false);

    const audit = await t.db.auditLog.findMany({ where: { tenantId: fx.a.tenant.id, targetType: "webhook" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["webhook.created", "webhook.tested", "webhook.tested", "webhook.secret_rotated", "webhook.tested"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(JSON.stringify(audit)).not.toContain(rotated);
  });

  it("turning a webhook off gives up its pending deliveries; deleting removes it with its log", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const { webhook } = await admin.webhooks.create({ name: "Pager", url: `${receiver.url}/pager`, kinds: [] });
    await t.db.webhookDelivery.create({ data: { id: `pending-${webhook.id}`, tenantId: fx.a.tenant.id, endpointId: webhook.id, event: "alert.raised", payload: {}, nextAttemptAt: new Date() } });
    await admin.webhooks.setEnabled({ id: webhook.id, enabled: false });
    expect((await admin.webhooks.list()).find((w) => w.id === webhook.id)?.enabled).toBe(false);
    expect(await admin.webhooks.deliveries({ id: webhook.id })).toMatchObject([{ status: "failed", lastError: "The webhook was turned off before this was delivered" }]);
    await admin.webhooks.delete({ id: webhook.id });
    expect((await admin.webhooks.list()).map((w) => w.id)).not.toContain(webhook.id);
    expect(await t.db.webhookDelivery.count({ where: { endpointId: webhook.id } })).toBe(0);
  });

  it("needs the admin role for everything, reads included", async () => {
    const [webhook] = await fx.as(fx.a.users.admin.id).webhooks.list();
    for (const role of ["member", "viewer"] as const) {
      const caller = fx.as(fx.a.users[role].id);
      expect(await outcomeCode(caller.webhooks.list())).toBe("FORBIDDEN");
      expect(await outcomeCode(caller.webhooks.deliveries({ id: webhook!.id }))).toBe("FORBIDDEN");
      expect(await outcomeCode(caller.webhooks.create({ name: "x", url: "https://hooks.example.com/x", kinds: [] }))).toBe("FORBIDDEN");
      expect(await outcomeCode(caller.webhooks.test({ id: webhook!.id }))).toBe("FORBIDDEN");
      expect(await outcomeCode(caller.webhooks.delete({ id: webhook!.id }))).toBe("FORBIDDEN");
    }
  });

  it("does not let one tenant see, test or change another's webhooks", async () => {
    const [alpha] = await fx.as(fx.a.users.admin.id).webhooks.list();
    const bravo = fx.as(fx.b.users.owner.id);
    expect(await bravo.webhooks.list()).toEqual([]);
    const id = alpha!.id;
    expect(await outcomeCode(bravo.webhooks.deliveries({ id }))).toBe("NOT_FOUND");
    expect(await outcomeCode(bravo.webhooks.test({ id }))).toBe("NOT_FOUND");
    expect(await outcomeCode(bravo.webhooks.rotateSecret({ id }))).toBe("NOT_FOUND");
    expect(await outcomeCode(bravo.webhooks.setEnabled({ id, enabled: false }))).toBe("NOT_FOUND");
    expect(await outcomeCode(bravo.webhooks.delete({ id }))).toBe("NOT_FOUND");
    expect((await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: alpha!.id } })).enabled).toBe(true);
  });

  it("caps endpoints per tenant, test events per hour, and validates input", async () => {
    const admin = fx.as(fx.b.users.admin.id);
    for (let i = 0; i < TENANT_LIMITS.webhooks; i++) await admin.webhooks.create({ name: `hook ${i}`, url: `https://hooks.example.com/${i}`, kinds: [] });
    await expect(admin.webhooks.create({ name: "one more", url: "https://hooks.example.com/more", kinds: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `An organisation has at most ${TENANT_LIMITS.webhooks} webhooks; delete one first`,
    });
    const [first] = await admin.webhooks.list();
    await t.db.webhookDelivery.createMany({
      data: Array.from({ length: TESTS_PER_HOUR }, (_, i) => ({ id: `t-${i}`, tenantId: fx.b.tenant.id, endpointId: first!.id, event: "test", payload: {}, status: "delivered" })),
    });
    expect(await outcomeCode(admin.webhooks.test({ id: first!.id }))).toBe("TOO_MANY_REQUESTS");
    await admin.webhooks.delete({ id: first!.id });

    expect(await outcomeCode(admin.webhooks.create({ name: "x", url: "ftp://hooks.example.com/x", kinds: [] }))).toBe("BAD_REQUEST");
    expect(await outcomeCode(admin.webhooks.create({ name: "x", url: `https://hooks.example.com/${"a".repeat(2001)}`, kinds: [] }))).toBe("BAD_REQUEST");
    expect(await outcomeCode(admin.webhooks.create({ name: "x", url: "https://hooks.example.com/x", kinds: ["no-such-kind" as "budget"] }))).toBe("BAD_REQUEST");
  });
});
