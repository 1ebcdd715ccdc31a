// Webhook URLs reaching non-public addresses, with no operator allow-list: refused when saved,
// and refused on connect for an endpoint stored before (or a name that resolves elsewhere
// later), by the job and by the Test button alike, with nothing reaching the address.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encryptSecret } from "../crypto/secret-box";
import { startScriptedServer, type FakeUpstream } from "../testing/fake-upstreams";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "../trpc/testing/console-fixture";
import { runWebhookRound } from "./webhooks-job";

// The test set-up allows 127.0.0.1 for fake upstreams; this file runs with the default, none.
// Hoisted above the imports, so server/env.ts reads it.
vi.hoisted(() => vi.stubEnv("SWITCHYARD_ALLOWED_UPSTREAM_HOSTS", ""));

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const ONLY_PUBLIC = "upstream calls only reach public addresses unless the server's operator allows this host";

describe("webhook URLs reaching non-public addresses", () => {
  let fx: Fixture;
  let receiver: FakeUpstream;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    receiver = await startScriptedServer(() => ({ json: {} }));
  });
  afterAll(() => receiver?.close());

  it.each([
    ["http://127.0.0.1:8080/hook", "loopback"],
    ["http://localhost:8080/hook", "loopback"],
    ["http://[::1]/hook", "loopback"],
    ["http://10.1.2.3/hook", "private-network"],
    ["http://169.254.169.254/latest/meta-data", "link-local"],
  ])("%s is refused when saved (%s)", async (url, kind) => {
    await expect(fx.as(fx.a.users.admin.id).webhooks.create({ name: "internal", url, kinds: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(new RegExp(`^URL: .*${kind}.*; ${ONLY_PUBLIC}$`)),
    });
  });

  it("an endpoint stored before the check is refused on connect by the job and by Test, and the receiver gets nothing", async () => {
    const endpoint = await t.db.webhookEndpoint.create({
      data: { tenantId: fx.a.tenant.id, name: "stored", url: `${receiver.url}/hook`, secretEnc: encryptSecret("whsec_x") },
    });
    const refusal = `The URL's host is a loopback address; ${ONLY_PUBLIC}`;
    const result = await fx.as(fx.a.users.admin.id).webhooks.test({ id: endpoint.id });
    expect(result).toEqual({ ok: false, httpStatus: null, error: refusal });

    await t.db.alert.create({ data: { tenantId: fx.a.tenant.id, kind: "budget", subjectType: "key", subjectId: "k", dedupeKey: "budget:k", severity: "info", title: "t" } });
    expect(await runWebhookRound(t.db)).toMatchObject({ queued: 1, failedAttempts: 1 });
    const deliveries = await t.db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.map((d) => [d.event, d.status, d.lastError])).toEqual([["test", "failed", refusal], ["alert.raised", "pending", refusal]]);
    expect(JSON.stringify(deliveries.map((d) => d.history))).not.toContain("127.0.0.1");
    expect(receiver.requests).toHaveLength(0);
  });
});
