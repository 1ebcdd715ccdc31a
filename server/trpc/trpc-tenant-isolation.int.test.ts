// A user of tenant A cannot read or change tenant B's keys, policies, logs, credentials,
// teams, members or catalog through any procedure, whatever ids they send.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;
type Caller = ReturnType<Fixture["as"]>;
type B = Fixture["b"];

const noFilters = { from: null, to: null, apiKeyId: null, teamId: null, category: null, model: null, status: "any", cache: "any" } as const;
const fields = (b: B) => ({
  name: "stolen", description: null, baselineModelSlug: "gpt-5.4", defaultCategory: "general", confidenceThreshold: 0.5, difficultyBarRaise: 0, cacheTtlSeconds: null,
  rules: [{ category: "general", qualityBar: 1, allowedModels: [b.model.slug], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null }],
});
const modelFields = { displayName: "x", providerModelId: "x", inputPricePerMTok: 0, outputPricePerMTok: 0, contextWindow: 1, quality: {}, latencyMs: null, enabled: false, baseUrl: null };

/** Procedures that take another tenant's ids: each must answer as if the row did not exist. */
const TARGETED: [string, (c: Caller, b: B) => Promise<unknown>][] = [
  ["keys.revoke", (c, b) => c.keys.revoke({ id: b.key.id })],
  ["keys.rotate", (c, b) => c.keys.rotate({ id: b.key.id })],
  ["keys.create with B's team", (c, b) => c.keys.create({ name: "x", teamId: b.team.id, policyId: null, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null })],
  ["keys.create with B's policy", (c, b) => c.keys.create({ name: "x", teamId: null, policyId: b.policy.id, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null })],
  ["policies.get", (c, b) => c.policies.get({ id: b.policy.id })],
  ["policies.versions", (c, b) => c.policies.versions({ id: b.policy.id })],
  ["policies.update", (c, b) => c.policies.update({ id: b.policy.id, expectedVersion: 1, policy: fields(b) })],
  ["policies.setDefault", (c, b) => c.policies.setDefault({ id: b.policy.id })],
  ["policies.test", (c, b) => c.policies.test({ policyId: b.policy.id, prompt: "hello" })],
  ["logs.get", (c, b) => c.logs.get({ id: b.log.id })],
  ["teams.update", (c, b) => c.teams.update({ id: b.team.id, name: "stolen", monthlyBudgetUsd: 1 })],
  ["teams.delete", (c, b) => c.teams.delete({ id: b.team.id })],
  ["members.changeRole", (c, b) => c.members.changeRole({ userId: b.users.viewer.id, role: "admin" })],
  ["members.remove", (c, b) => c.members.remove({ userId: b.users.viewer.id })],
  ["models.update (B's custom model)", (c, b) => c.models.update({ slug: b.model.slug, fields: modelFields })],
  ["models.setLifecycle (B's custom model)", (c, b) => c.models.setLifecycle({ slug: b.model.slug, deprecatedAt: new Date(), replacementSlug: null })],
];

describe("tenant isolation of the console API", () => {
  let fx: Fixture;
  let alice: Caller;
  let bSnapshot: string;

  const snapshotB = async () => {
    const id = fx.b.tenant.id;
    const rows = await Promise.all([
      t.db.apiKey.findMany({ where: { tenantId: id }, orderBy: { id: "asc" } }),
      t.db.routingPolicy.findMany({ where: { tenantId: id }, include: { rules: true } }),
      t.db.team.findMany({ where: { tenantId: id } }),
      t.db.membership.findMany({ where: { tenantId: id }, orderBy: { id: "asc" } }),
      t.db.providerCredential.findMany({ where: { tenantId: id } }),
      t.db.model.findMany({ where: { tenantId: id } }),
      t.db.tenant.findUnique({ where: { id } }),
    ]);
    return JSON.stringify(rows);
  };

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    // Alice, owner of A, also presents B's id as her preferred tenant: membership decides, not the cookie.
    alice = fx.as(fx.a.users.owner.id, fx.b.tenant.id);
    bSnapshot = await snapshotB();
  });

  it("resolves the tenant from memberships, not from the cookie", async () => {
    expect(await alice.tenant.current()).toMatchObject({ tenantId: fx.a.tenant.id, role: "owner" });
    expect(await outcomeCode(alice.tenant.switch({ tenantId: fx.b.tenant.id }))).toBe("FORBIDDEN");
  });

  it.each(TARGETED)("%s cannot reach tenant B", async (_name, call) => {
    expect(await outcomeCode(call(alice, fx.b))).toBe("NOT_FOUND");
  });

  it("lists only tenant A's rows", async () => {
    const bIds = [fx.b.key.id, fx.b.policy.id, fx.b.team.id, fx.b.log.id, fx.b.credential.id, fx.b.model.slug, fx.b.users.owner.id, "sk-Bravo"];
    const lists = await Promise.all([
      alice.keys.list(), alice.policies.list(), alice.teams.list(), alice.members.list(), alice.providers.list(), alice.models.list(),
      alice.logs.list({ filters: noFilters, limit: 100 }), alice.logs.list({ filters: { ...noFilters, apiKeyId: fx.b.key.id }, limit: 100 }),
      alice.logs.filterOptions(), alice.audit.list({ limit: 100 }), alice.tenant.mine(),
    ]);
    const text = JSON.stringify(lists);
    for (const id of bIds) expect(text).not.toContain(id);
    expect(text).toContain(fx.a.key.id);
  });

  it("provider credentials are per tenant", async () => {
    await alice.providers.remove({ provider: "openai" });
    expect(await outcomeCode(alice.providers.remove({ provider: "openai" }))).toBe("NOT_FOUND");
    expect(await outcomeCode(alice.providers.testConnection({ provider: "openai" }))).toBe("NOT_FOUND");
  });

  it("left every row of tenant B as it was", async () => {
    expect(await snapshotB()).toBe(bSnapshot);
  });
});
