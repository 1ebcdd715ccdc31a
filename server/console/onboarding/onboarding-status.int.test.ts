// The first-run checklist reads its progress from the organisation's own data: nothing of
// another organisation ticks a step, and each step ticks as soon as its data exists.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../../testing/setup-test-database";
import { makeConsoleFixture } from "../../trpc/testing/console-fixture";

const t = setupTestDatabase();

describe("onboarding status", () => {
  let fx: Awaited<ReturnType<typeof makeConsoleFixture>>;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
  });

  it("starts empty for a new organisation, and follows its credentials, keys and first request", async () => {
    const tenant = await t.db.tenant.create({ data: { name: "Newco", slug: "newco" } });
    const viewer = await t.db.user.create({ data: { email: "viewer@newco.test", passwordHash: "x" } });
    await t.db.membership.create({ data: { tenantId: tenant.id, userId: viewer.id, role: "viewer" } });
    const status = () => fx.as(viewer.id, tenant.id).onboarding.status();

    expect(await status()).toEqual({ providerCredentials: 0, keys: 0, hasRequests: false });

    const key = await t.db.apiKey.create({ data: { tenantId: tenant.id, name: "First", prefix: "sy_newco", hash: "newco-hash" } });
    await t.db.providerCredential.create({ data: { tenantId: tenant.id, provider: "anthropic", secretEnc: "x", secretHint: "abcd" } });
    expect(await status()).toEqual({ providerCredentials: 1, keys: 1, hasRequests: false });

    await t.db.requestLog.create({
      data: { id: "req_newco", tenantId: tenant.id, apiKeyId: key.id, endpoint: "openai", requestedModel: "auto", category: "general", chosenModel: "gpt-5.4", provider: "simulated", latencyMs: 5, status: 200, attempts: [], explanation: {} },
    });
    expect((await status()).hasRequests).toBe(true);

    await t.db.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect((await status()).keys).toBe(0);
  });

  it("counts the organisation's own data only", async () => {
    expect(await fx.as(fx.a.users.viewer.id).onboarding.status()).toEqual({ providerCredentials: 1, keys: 1, hasRequests: true });
  });
});
