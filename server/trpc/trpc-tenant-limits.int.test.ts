// What one organisation may hold, through the real router and database: at each limit the next
// creation is refused with what to do instead, and a revoked key or an expired invite does not count.
import { beforeAll, describe, expect, it } from "vitest";
import { REVOKED_KEYS_LISTED } from "../console/keys/list-api-keys";
import { TENANT_LIMITS } from "../console/tenant-limits";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const refusal = (message: string) => ({ code: "BAD_REQUEST", message });

describe("tenant limits", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;
  let tenantId: string;
  /** How many more rows fill the organisation up to `limit`. */
  const upTo = (limit: number, held: number) => Array.from({ length: limit - held }, (_, i) => i);

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.owner.id);
    tenantId = fx.a.tenant.id;
  });

  it("refuses one more active key, and counts revoked keys out", async () => {
    const held = await t.db.apiKey.count({ where: { tenantId, revokedAt: null } });
    await t.db.apiKey.createMany({ data: upTo(TENANT_LIMITS.activeApiKeys, held).map((i) => ({ tenantId, name: `k${i}`, prefix: `sy_fill${i}`, hash: `fill-${i}` })) });
    const input = { name: "one more", teamId: null, policyId: null, scopes: ["gateway" as const], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null };
    await expect(admin.keys.create(input)).rejects.toMatchObject(refusal(`An organisation has at most ${TENANT_LIMITS.activeApiKeys} active API keys; revoke one first`));
    await t.db.apiKey.updateMany({ where: { tenantId, name: "k0" }, data: { revokedAt: new Date() } });
    expect((await admin.keys.create(input)).key.name).toBe("one more");

    // The keys page lists every active key and only the newest revoked ones.
    await t.db.apiKey.createMany({ data: upTo(REVOKED_KEYS_LISTED + 20, 0).map((i) => ({ tenantId, name: `old${i}`, prefix: `sy_old${i}`, hash: `old-${i}`, revokedAt: new Date(Date.now() - i * 1_000) })) });
    const listed = await admin.keys.list();
    expect(listed.filter((k) => k.status !== "revoked")).toHaveLength(TENANT_LIMITS.activeApiKeys);
    expect(listed.filter((k) => k.status === "revoked")).toHaveLength(REVOKED_KEYS_LISTED);
  });

  it("refuses one more team, open invite, policy, model of its own and single sign-on domain", async () => {
    await t.db.team.createMany({ data: upTo(TENANT_LIMITS.teams, await t.db.team.count({ where: { tenantId } })).map((i) => ({ tenantId, name: `team ${i}` })) });
    await expect(admin.teams.create({ name: "one more", monthlyBudgetUsd: null })).rejects.toMatchObject(refusal(`An organisation has at most ${TENANT_LIMITS.teams} teams; delete one first`));

    // An expired invite is not open: with it and one short of the limit of open ones, one more is invited.
    await t.db.invite.create({ data: { tenantId, role: "viewer", tokenHash: "expired", expiresAt: new Date(Date.now() - 1_000) } });
    const openInvites = await t.db.invite.count({ where: { tenantId, acceptedAt: null, expiresAt: { gt: new Date() } } });
    await t.db.invite.createMany({ data: upTo(TENANT_LIMITS.openInvites - 1, openInvites).map((i) => ({ tenantId, role: "viewer" as const, tokenHash: `open-${i}`, expiresAt: new Date(Date.now() + 86_400_000) })) });
    await admin.members.invite({ email: null, role: "viewer" });
    await expect(admin.members.invite({ email: null, role: "viewer" })).rejects.toMatchObject(refusal(`An organisation has at most ${TENANT_LIMITS.openInvites} open invites; revoke one first`));

    const { fields } = await admin.policies.get({ id: fx.a.policy.id });
    await t.db.routingPolicy.createMany({
      data: upTo(TENANT_LIMITS.policies, await t.db.routingPolicy.count({ where: { tenantId } })).map((i) => ({ tenantId, name: `policy ${i}`, baselineModelSlug: fields.baselineModelSlug })),
    });
    await expect(admin.policies.create({ ...fields, name: "one-more" })).rejects.toMatchObject(refusal(`An organisation has at most ${TENANT_LIMITS.policies} routing policies; change an existing one instead`));

    // An override of a global model is not a model of its own: with one, and one short of the limit of own models, one more is created.
    await admin.models.setLifecycle({ slug: "glm-5", deprecatedAt: new Date("2027-01-01"), replacementSlug: "gpt-5.4" });
    const globalSlugs = (await t.db.model.findMany({ where: { tenantId: null }, select: { slug: true } })).map((m) => m.slug);
    await t.db.model.createMany({
      data: upTo(TENANT_LIMITS.customModels - 1, await t.db.model.count({ where: { tenantId, slug: { notIn: globalSlugs } } })).map((i) => ({ tenantId, slug: `own-${i}`, provider: "openai-compatible", providerModelId: "m", displayName: `Own ${i}`, contextWindow: 8000, quality: {} })),
    });
    const model = { displayName: "One more", providerModelId: "m", inputPricePerMTok: 0, outputPricePerMTok: 0, contextWindow: 8192, quality: { general: 50 }, latencyMs: 50, enabled: true, baseUrl: "http://127.0.0.1:8000/v1", kind: "chat" as const };
    await admin.models.createCustom({ slug: "one-more", provider: "openai-compatible", fields: model });
    await expect(admin.models.createCustom({ slug: "two-more", provider: "openai-compatible", fields: model })).rejects.toMatchObject(
      refusal(`An organisation has at most ${TENANT_LIMITS.customModels} models of its own; change an existing one instead`),
    );

    await t.db.ssoDomain.createMany({ data: upTo(TENANT_LIMITS.ssoDomains, await t.db.ssoDomain.count({ where: { tenantId } })).map((i) => ({ tenantId, domain: `d${i}.example.com`, role: "viewer" as const })) });
    await expect(admin.tenant.addSsoDomain({ domain: "one-more.example.com", role: "viewer" })).rejects.toMatchObject(
      refusal(`An organisation has at most ${TENANT_LIMITS.ssoDomains} single sign-on domains; remove one first`),
    );

    // The other organisation is not affected.
    expect(await fx.as(fx.b.users.owner.id).teams.create({ name: "fine", monthlyBudgetUsd: null })).toMatchObject({ id: expect.any(String) });
  });
});
