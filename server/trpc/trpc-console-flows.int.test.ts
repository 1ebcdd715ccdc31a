// The console's main journeys through the real router and database: keys (shown once, revoked
// for the gateway at once), policy versions, catalog overrides, credentials, sign-up and invites.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { startFakeOpenAI, type FakeUpstream } from "../testing/fake-upstreams";
import { findKeyBySecret } from "../gateway/config-cache";
import { loadTenantConfig } from "../gateway/load-tenant-config";
import { makeConsoleFixture } from "./testing/console-fixture";
import { createConsoleContext } from "./context";
import { createCaller } from "./root";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("console flows", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;
  let upstream: FakeUpstream;

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
    upstream = await startFakeOpenAI({ apiKey: "sk-good-test-key" });
  });
  afterAll(() => upstream?.close());

  it("issues a key once, audits it without the secret, and the gateway sees its revocation at once", async () => {
    const { key, secret } = await admin.keys.create({ name: "CI", teamId: fx.a.team.id, policyId: fx.a.policy.id, scopes: ["gateway"], monthlyBudgetUsd: 50, rpmLimit: 60, tpmLimit: null, expiresAt: null });
    expect(secret.startsWith(key.prefix)).toBe(true);
    const listed = await admin.keys.list();
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(listed.find((k) => k.id === fx.a.key.id)?.monthToDate).toMatchObject({ requests: 3, costUsd: 1.25 });

    expect((await findKeyBySecret(t.db, secret))?.revokedAt).toBeNull();
    await admin.keys.revoke({ id: key.id });
    expect((await findKeyBySecret(t.db, secret))?.revokedAt).toBeInstanceOf(Date);

    const audit = await t.db.auditLog.findMany({ where: { tenantId: fx.a.tenant.id, targetId: key.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("sets a team's monthly budget, which the gateway's key look-up then carries", async () => {
    const { secret } = await admin.keys.create({ name: "Team budget", teamId: fx.a.team.id, policyId: fx.a.policy.id, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null });
    expect((await findKeyBySecret(t.db, secret))?.teamBudgetUsd).toBeNull();
    const team = (await admin.teams.list()).find((x) => x.id === fx.a.team.id)!;
    await admin.teams.update({ id: team.id, name: team.name, monthlyBudgetUsd: 250 });
    expect((await admin.teams.list()).find((x) => x.id === team.id)?.monthlyBudgetUsd).toBe(250);
    expect((await findKeyBySecret(t.db, secret))?.teamBudgetUsd).toBe(250);
    await expect(admin.teams.update({ id: team.id, name: team.name, monthlyBudgetUsd: -5 })).rejects.toThrow();
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { tenantId: fx.a.tenant.id, targetId: team.id, action: "team.updated" } });
    expect(audit.details).toMatchObject({ to: { monthlyBudgetUsd: 250 } });
  });

  it("rotates a key: new secret, old one revoked", async () => {
    const rotated = await admin.keys.rotate({ id: fx.a.key.id });
    expect((await findKeyBySecret(t.db, fx.a.keySecret))?.revokedAt).toBeInstanceOf(Date);
    expect((await findKeyBySecret(t.db, rotated.secret))?.revokedAt).toBeNull();
    expect(rotated.key).toMatchObject({ name: "Backend", teamId: fx.a.team.id });
  });

  it("bumps a policy's version on save, keeps a diff per version, refuses a stale save", async () => {
    const { fields } = await admin.policies.get({ id: fx.a.policy.id });
    const codingBar = fields.rules.find((r) => r.category === "coding")!.qualityBar;
    const edited = { ...fields, rules: fields.rules.map((r) => (r.category === "coding" ? { ...r, qualityBar: 60 } : r)) };
    expect(await admin.policies.update({ id: fx.a.policy.id, expectedVersion: 1, policy: edited })).toEqual({ version: 2 });
    await expect(admin.policies.update({ id: fx.a.policy.id, expectedVersion: 1, policy: edited })).rejects.toMatchObject({ code: "CONFLICT" });
    const [latest] = await admin.policies.versions({ id: fx.a.policy.id });
    expect(latest).toMatchObject({ version: 2, createdBy: fx.a.users.admin.email, changes: [{ path: "rules.coding.qualityBar", before: codingBar, after: 60 }] });
  });

  it("tests a prompt against a policy with the routing engine", async () => {
    const result = await fx.as(fx.a.users.member.id).policies.test({ policyId: fx.a.policy.id, prompt: "Write a TypeScript function that parses a CSV line with quoted fields." });
    expect(result.category).toBe("coding");
    expect(result.chosenModel?.id).toBeTruthy();
    expect(result.summary).toMatch(/coding/);
    expect(result.fallbackPlan).not.toContain(result.chosenModel?.id);
  });

  it("saves custom categories through the router, and the tester files prompts under them by keyword and by metadata", async () => {
    const read = await admin.policies.get({ id: fx.a.policy.id });
    const general = read.fields.rules.find((r) => r.category === "general")!;
    const customCategories = [{ name: "vip", keywords: [], metadata: { tier: "gold" } }];
    // Without its rule the version is refused, naming the field.
    await expect(admin.policies.update({ id: fx.a.policy.id, expectedVersion: read.version, policy: { ...read.fields, customCategories } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const policy = { ...read.fields, rules: [...read.fields.rules, { ...general, category: "vip" }], customCategories };
    await admin.policies.update({ id: fx.a.policy.id, expectedVersion: read.version, policy });
    const member = fx.as(fx.a.users.member.id);
    const prompt = "Summarise this thread for me.";
    expect(await member.policies.test({ policyId: fx.a.policy.id, prompt, metadata: { tier: "gold" } })).toMatchObject({ category: "vip", categorySource: "rule" });
    expect((await member.policies.test({ policyId: fx.a.policy.id, prompt, metadata: { tier: "silver" } })).category).not.toBe("vip");
    expect((await member.policies.test({ policyId: fx.a.policy.id, prompt })).category).not.toBe("vip");
    const [latest] = await admin.policies.versions({ id: fx.a.policy.id });
    expect(latest!.changes.map((c) => c.path)).toEqual(expect.arrayContaining(["customCategories"]));

    // An unsaved draft is routed as sent, and nothing is saved.
    const draft = { ...policy, customCategories: [{ name: "vip", keywords: ["thread"], metadata: {} }] };
    expect(await member.policies.test({ policyId: fx.a.policy.id, prompt, draft })).toMatchObject({ category: "vip", fromDraft: true, categoryDetail: expect.stringContaining('keyword "thread"') });
    expect(await member.policies.test({ policyId: fx.a.policy.id, prompt })).toMatchObject({ fromDraft: false });
    expect((await admin.policies.get({ id: fx.a.policy.id })).fields.customCategories).toEqual(customCategories);
  });

  it("edits a global model as a tenant override and deprecates it with a replacement", async () => {
    const before = (await admin.models.list()).find((m) => m.slug === "glm-5")!;
    expect(before).toMatchObject({ origin: "global", outputPricePerMTok: null });
    await admin.models.update({ slug: "glm-5", fields: { ...before, inputPricePerMTok: 0.8, cachedInputPricePerMTok: 0.08 } });
    await admin.models.setLifecycle({ slug: "glm-5", deprecatedAt: new Date("2027-01-01"), replacementSlug: "gpt-5.4" });
    const after = (await admin.models.list()).find((m) => m.slug === "glm-5")!;
    expect(after).toMatchObject({ origin: "override", inputPricePerMTok: 0.8, cachedInputPricePerMTok: 0.08, cacheWritePricePerMTok: null, outputPricePerMTok: null, replacementSlug: "gpt-5.4" });
    expect((await t.db.model.findFirstOrThrow({ where: { slug: "glm-5", tenantId: null } })).inputPricePerMTok?.toString()).toBe("1");
    const catalog = await admin.models.list();
    const baseline = catalog.find((m) => m.slug === fx.a.policy.baselineModelSlug)!;
    expect(baseline.referencedBy.map((p) => p.id)).toContain(fx.a.policy.id);
    expect(catalog.find((m) => m.slug === "gpt-5.4")!.requestsLast30Days).toBe(3);
    await expect(admin.models.createCustom({ slug: "self-hosted", provider: "openai-compatible", fields: { ...before, baseUrl: "ftp://x" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // A server on a private network needs the operator's allow-list, which allows only 127.0.0.1 in tests.
    await expect(admin.models.createCustom({ slug: "self-hosted", provider: "openai-compatible", fields: { ...before, baseUrl: "http://10.0.0.5:8000/v1/" } })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("private-network") });
    await admin.models.createCustom({ slug: "self-hosted", provider: "openai-compatible", fields: { ...before, baseUrl: "http://127.0.0.1:8000/v1/" } });
    expect((await admin.models.list()).find((m) => m.slug === "self-hosted")).toMatchObject({ origin: "custom", baseUrl: "http://127.0.0.1:8000/v1" });
  });

  it("keeps a global model's structured-outputs flag in its override, and the gateway's catalog follows an edit of it", async () => {
    const glm = (await admin.models.list()).find((m) => m.slug === "glm-5")!;
    expect(glm.structuredOutputs).toBe(false);
    await admin.models.update({ slug: "glm-5", fields: { ...glm, structuredOutputs: true } });
    expect((await admin.models.list()).find((m) => m.slug === "glm-5")?.structuredOutputs).toBe(true);
    const config = await loadTenantConfig(t.db, fx.a.tenant.id);
    expect(config.catalog.find((m) => m.id === "glm-5")?.structuredOutputs).toBe(true);
    expect(config.catalog.find((m) => m.id === "gpt-5.4")?.structuredOutputs).toBe(true);
  });

  it("keeps provider secrets on the server and tests the connection through the adapter", async () => {
    await admin.providers.save({ provider: "openai", secret: "sk-wrong-key-1234", baseUrl: `${upstream.url}/v1` });
    const listed = await admin.providers.list();
    expect(JSON.stringify(listed)).not.toMatch(/sk-wrong|secretEnc/);
    expect(listed.find((p) => p.provider === "openai")).toMatchObject({ simulated: false, credential: { secretHint: "1234" } });
    expect(listed.find((p) => p.provider === "anthropic")).toMatchObject({ simulated: true, credential: null });
    const failed = await admin.providers.testConnection({ provider: "openai" });
    expect(failed).toMatchObject({ ok: false });

    await admin.providers.save({ provider: "openai", secret: "sk-good-test-key", baseUrl: `${upstream.url}/v1` });
    expect(await admin.providers.testConnection({ provider: "openai" })).toMatchObject({ ok: true, model: "gpt-5.4" });
    const audit = await t.db.auditLog.findMany({ where: { tenantId: fx.a.tenant.id, targetType: "provider_credential" } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["provider_credential.rotated", "provider_credential.tested"]));
    expect(JSON.stringify(audit)).not.toContain("sk-good");
  });

  it("reports a failed connection test by status and error code, never the upstream's body or the socket error", async () => {
    const leaky = await startFakeOpenAI({ fault: { type: "status", status: 500, message: "db-primary.internal:5432 refused; token sk-live-0123456789abcdef" } });
    try {
      await admin.providers.save({ provider: "openai", secret: "sk-good-test-key", baseUrl: `${leaky.url}/v1` });
      const failed = await admin.providers.testConnection({ provider: "openai" });
      expect(failed).toMatchObject({ ok: false, error: "openai: HTTP 500 (server_error)" });
      expect(JSON.stringify(failed)).not.toMatch(/db-primary|sk-live/);
    } finally {
      await leaky.close();
    }
    // Nothing listens there any more: Node's error names the address, the console does not.
    const refused = await admin.providers.testConnection({ provider: "openai" });
    expect(refused).toMatchObject({ ok: false, error: "openai: error (connection failed)" });
    expect(JSON.stringify(refused)).not.toContain("127.0.0.1");
  });

  it("limits sign-ups per client address", async () => {
    const from = (clientAddress: string) => createCaller(createConsoleContext({ db: t.db, userId: null, clientAddress }));
    const attempt = (clientAddress: string, i: number) =>
      from(clientAddress).account.signUp({ name: "Bot", email: `bot${i}-${clientAddress}@spam.test`, password: "long-enough-pw", organisation: `Spam ${i}`, inviteToken: null });
    for (let i = 0; i < 20; i++) await attempt("203.0.113.7", i);
    await expect(attempt("203.0.113.7", 20)).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(attempt("203.0.113.8", 21)).resolves.toBeUndefined();
  });

  it("signs up a new owner with a starter policy, and invites a second user who can switch tenants", async () => {
    const anon = fx.as(null);
    await anon.account.signUp({ name: "Fay", email: "fay@new.test", password: "long-enough-pw", organisation: "Newco", inviteToken: null });
    const fay = await t.db.user.findUniqueOrThrow({ where: { email: "fay@new.test" } });
    expect(await fx.as(fay.id).tenant.current()).toMatchObject({ name: "Newco", role: "owner" });
    expect(await fx.as(fay.id).policies.list()).toMatchObject([{ name: "default", isDefault: true, version: 1 }]);
    // A taken email is answered like a free one, and nothing is created (sign-up.int.test.ts).
    await expect(anon.account.signUp({ name: "Fay", email: "fay@new.test", password: "long-enough-pw", organisation: "Again", inviteToken: null })).resolves.toBeUndefined();
    expect(await t.db.tenant.count({ where: { name: "Again" } })).toBe(0);

    const { token } = await admin.members.invite({ email: null, role: "viewer" });
    expect(await anon.account.describeInvite({ token })).toMatchObject({ tenantName: "Alpha", role: "viewer", usable: true });
    await fx.as(fay.id).account.acceptInvite({ token });
    await expect(fx.as(fay.id).account.acceptInvite({ token })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await fx.as(fay.id).tenant.mine()).map((m) => m.role)).toEqual(["owner", "viewer"]);
    expect(await fx.as(fay.id, fx.a.tenant.id).tenant.current()).toMatchObject({ tenantId: fx.a.tenant.id, role: "viewer" });
  });

  it("pages through request logs with a stable cursor", async () => {
    const base = { tenantId: fx.a.tenant.id, endpoint: "openai", requestedModel: "auto", latencyMs: 5, status: 200 };
    await t.db.requestLog.createMany({ data: Array.from({ length: 5 }, (_, i) => ({ ...base, id: `page-${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)), status: i === 2 ? 502 : 200 })) });
    const filters = { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 0, 2)), apiKeyId: null, teamId: null, category: null, model: null, status: "any", cache: "any" } as const;
    const first = await admin.logs.list({ filters, limit: 2 });
    const second = await admin.logs.list({ filters, limit: 2, cursor: first.nextCursor });
    const third = await admin.logs.list({ filters, limit: 2, cursor: second.nextCursor });
    expect([...first.items, ...second.items, ...third.items].map((r) => r.id)).toEqual(["page-4", "page-3", "page-2", "page-1", "page-0"]);
    expect(third.nextCursor).toBeNull();
    expect((await admin.logs.list({ filters: { ...filters, status: "error" }, limit: 10 })).items.map((r) => r.id)).toEqual(["page-2"]);
    const detail = await admin.logs.get({ id: fx.a.log.id });
    expect(detail.attempts[0]).toMatchObject({ model: "gpt-5.4", status: 200 });
    expect(detail.costUsd).toBe(0.002);
  });
});
