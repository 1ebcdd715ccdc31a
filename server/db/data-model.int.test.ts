import { describe, expect, it } from "vitest";
import pg from "pg";
import { setupTestDatabase } from "../testing/setup-test-database";
import { forTenant, NOT_DIRECTLY_SCOPED, SHARED_CATALOG_MODEL, TENANT_OWNED_MODELS } from "./tenant-scope";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { decryptSecret, encryptSecret, secretHint } from "../crypto/secret-box";

const t = setupTestDatabase();

async function makeTenant(slug: string) {
  const tenant = await t.db.tenant.create({ data: { name: slug, slug } });
  const team = await t.db.team.create({ data: { tenantId: tenant.id, name: "Team" } });
  const policy = await t.db.routingPolicy.create({
    data: { tenantId: tenant.id, name: "p", baselineModelSlug: "m", isDefault: true, rules: { create: [{ category: "general", qualityBar: 50 }] } },
  });
  const key = generateApiKeySecret();
  const apiKey = await t.db.apiKey.create({
    data: { tenantId: tenant.id, teamId: team.id, policyId: policy.id, name: "k", prefix: key.prefix, hash: key.hash },
  });
  return { tenant, team, policy, apiKey };
}

describe("data model", () => {
  it("stores API keys by unique hash", async () => {
    const { tenant } = await makeTenant("hash-a");
    const key = generateApiKeySecret();
    await t.db.apiKey.create({ data: { tenantId: tenant.id, name: "one", prefix: key.prefix, hash: key.hash } });
    await expect(
      t.db.apiKey.create({ data: { tenantId: tenant.id, name: "two", prefix: key.prefix, hash: key.hash } }),
    ).rejects.toThrow(/Unique constraint/);
    const stored = await t.db.apiKey.findUniqueOrThrow({ where: { hash: key.hash } });
    expect(JSON.stringify(stored)).not.toContain(key.secret);
  });

  it("restricts deleting a policy that keys use, and nulls a deleted team on its keys", async () => {
    const { policy, team, apiKey } = await makeTenant("restrict-a");
    await expect(t.db.routingPolicy.delete({ where: { id: policy.id } })).rejects.toThrow();
    await t.db.team.delete({ where: { id: team.id } });
    expect((await t.db.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).teamId).toBeNull();
  });

  it("cascades a tenant's deletion to everything it owns", async () => {
    const { tenant, policy } = await makeTenant("cascade-a");
    const other = await makeTenant("cascade-b");
    await t.db.requestLog.create({ data: { id: "req-cascade", tenantId: tenant.id, endpoint: "openai", requestedModel: "auto", latencyMs: 5, status: 200 } });
    await t.db.tenant.delete({ where: { id: tenant.id } });
    expect(await t.db.routingPolicy.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await t.db.policyRule.count({ where: { policyId: policy.id } })).toBe(0);
    expect(await t.db.requestLog.count({ where: { tenantId: tenant.id } })).toBe(0);
    expect(await t.db.apiKey.count({ where: { tenantId: other.tenant.id } })).toBe(1);
  });

  it("allows one default policy per tenant and one global catalog entry per slug", async () => {
    const { tenant } = await makeTenant("default-a");
    await expect(
      t.db.routingPolicy.create({ data: { tenantId: tenant.id, name: "second", baselineModelSlug: "m", isDefault: true } }),
    ).rejects.toThrow();
    const model = { slug: "dup-model", provider: "openai", providerModelId: "x", displayName: "X", contextWindow: 1000, quality: {} };
    await t.db.model.create({ data: model });
    await expect(t.db.model.create({ data: model })).rejects.toThrow();
    await t.db.model.create({ data: { ...model, tenantId: tenant.id } });
  });

  it("encrypts provider credentials at rest and decrypts them back", async () => {
    const { tenant } = await makeTenant("crypto-a");
    const plaintext = "sk-test-provider-secret-123456";
    await t.db.providerCredential.create({
      data: { tenantId: tenant.id, provider: "openai", secretEnc: encryptSecret(plaintext), secretHint: secretHint(plaintext) },
    });
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query(`SELECT * FROM "ProviderCredential" WHERE "tenantId" = $1`, [tenant.id]);
    await client.end();
    expect(JSON.stringify(rows)).not.toContain(plaintext);
    expect(decryptSecret(rows[0].secretEnc)).toBe(plaintext);
    expect(rows[0].secretHint).toBe("3456");
  });
});

describe("tenant scoping", () => {
  it("covers every table that has a tenantId column", async () => {
    const client = new pg.Client({ connectionString: t.url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; has_tenant: boolean }>(`
      SELECT table_name, bool_or(column_name = 'tenantId') AS has_tenant
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
      GROUP BY table_name`);
    await client.end();
    for (const { table_name, has_tenant } of rows) {
      const scoped = (TENANT_OWNED_MODELS as readonly string[]).includes(table_name) || table_name === SHARED_CATALOG_MODEL;
      expect({ table_name, classified: scoped || (NOT_DIRECTLY_SCOPED as readonly string[]).includes(table_name) }).toEqual({ table_name, classified: true });
      expect({ table_name, scoped }).toEqual({ table_name, scoped: has_tenant });
    }
  });

  it("never returns or changes another tenant's rows", async () => {
    const a = await makeTenant("scope-a");
    const b = await makeTenant("scope-b");
    await t.db.model.create({ data: { tenantId: b.tenant.id, slug: "b-only", provider: "custom", providerModelId: "b", displayName: "B", contextWindow: 1, quality: {} } });
    await t.db.model.create({ data: { slug: "global-one", provider: "openai", providerModelId: "g", displayName: "G", contextWindow: 1, quality: {} } });
    const scoped = forTenant(t.db, a.tenant.id);

    expect((await scoped.apiKey.findMany()).map((k) => k.tenantId)).toEqual([a.tenant.id]);
    expect(await scoped.apiKey.findUnique({ where: { id: b.apiKey.id } })).toBeNull();
    expect(await scoped.team.count()).toBe(1);
    expect((await scoped.routingPolicy.findMany()).map((p) => p.id)).toEqual([a.policy.id]);
    const models = (await scoped.model.findMany()).map((m) => m.slug);
    expect(models).toContain("global-one");
    expect(models).not.toContain("b-only");

    await expect(scoped.apiKey.update({ where: { id: b.apiKey.id }, data: { name: "stolen" } })).rejects.toThrow();
    expect((await scoped.apiKey.deleteMany({})).count).toBe(1);
    expect(await t.db.apiKey.count({ where: { tenantId: b.tenant.id } })).toBe(1);
    await expect(scoped.model.updateMany({ where: { slug: "global-one" }, data: { displayName: "hijacked" } })).resolves.toEqual({ count: 0 });

    const created = await scoped.auditLog.create({ data: { tenantId: b.tenant.id, action: "x", targetType: "y" } });
    expect(created.tenantId).toBe(a.tenant.id);
  });
});
