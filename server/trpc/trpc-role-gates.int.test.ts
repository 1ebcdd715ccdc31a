// Role gates: viewers only read, members may also use the tester, admins manage configuration,
// owners also the tenant. Checked on every gated procedure through the real router.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { ROLES, hasRole, type Role } from "../console/schemas/roles";
import { DEFAULT_DRIFT_SETTINGS } from "../console/schemas/drift-settings";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();

type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;
type Caller = ReturnType<Fixture["as"]>;
type Case = [name: string, needs: Role, call: (c: Caller, fx: Fixture) => Promise<unknown>];

const policyFields = (name: string) => ({
  name, description: null, baselineModelSlug: "gpt-5.4", defaultCategory: "general", confidenceThreshold: 0.5, difficultyBarRaise: 0, cacheTtlSeconds: null,
  rules: [{ category: "general", qualityBar: 50, allowedModels: [], fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null }],
});

const CASES: Case[] = [
  ["keys.list", "viewer", (c) => c.keys.list()],
  ["logs.list", "viewer", (c) => c.logs.list({ filters: { from: null, to: null, apiKeyId: null, teamId: null, category: null, model: null, status: "any", cache: "any" }, limit: 10 })],
  ["audit.list", "viewer", (c) => c.audit.list({ limit: 10 })],
  ["policies.test", "member", (c, fx) => c.policies.test({ policyId: fx.a.policy.id, prompt: "Write a Python function that reverses a list" })],
  ["logs.learning", "viewer", (c, fx) => c.logs.learning({ id: fx.a.log.id })],
  ["models.profiles", "viewer", (c) => c.models.profiles()],
  ["alerts.list", "viewer", (c) => c.alerts.list({ status: null, kind: null, severity: null })],
  // No such alert: allowed roles get past the gate to NOT_FOUND.
  ["alerts.acknowledge", "member", (c) => c.alerts.acknowledge({ id: "no-such-alert" })],
  ["alerts.resolve", "member", (c) => c.alerts.resolve({ id: "no-such-alert" })],
  ["logs.giveFeedback", "member", (c, fx) => c.logs.giveFeedback({ requestId: fx.a.log.id, score: 1, comment: null, category: null })],
  ["tenant.setEvaluationBudget", "admin", (c) => c.tenant.setEvaluationBudget({ evaluationBudgetUsd: 5 })],
  ["tenant.resetLearning", "admin", (c) => c.tenant.resetLearning()],
  ["tenant.driftSettings", "viewer", (c) => c.tenant.driftSettings()],
  ["tenant.setDriftSettings", "admin", (c) => c.tenant.setDriftSettings(DEFAULT_DRIFT_SETTINGS)],
  ["keys.create", "admin", (c) => c.keys.create({ name: "k", teamId: null, policyId: null, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null })],
  ["policies.create", "admin", (c) => c.policies.create(policyFields(`p-${Math.random().toString(36).slice(2, 8)}`))],
  // Each allowed call saves a new version, so the expected version is read first (viewers may read).
  ["policies.restore", "admin", async (c, fx) => c.policies.restore({ id: fx.a.policy.id, version: 1, expectedVersion: (await c.policies.get({ id: fx.a.policy.id })).version })],
  ["policies.setDefault", "admin", (c, fx) => c.policies.setDefault({ id: fx.a.policy.id })],
  ["models.setLifecycle", "admin", (c) => c.models.setLifecycle({ slug: "glm-5", deprecatedAt: null, replacementSlug: null })],
  ["providers.remove", "admin", (c) => c.providers.remove({ provider: "anthropic" })],
  ["teams.create", "admin", (c) => c.teams.create({ name: `t-${Math.random().toString(36).slice(2, 8)}` })],
  ["members.invite", "admin", (c) => c.members.invite({ email: null, role: "viewer" })],
  ["tenant.rename", "owner", (c) => c.tenant.rename({ name: "Alpha" })],
];

describe("console role gates", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
  });

  it.each(CASES)("%s needs %s", async (_name, needs, call) => {
    for (const role of ROLES) {
      const result = await outcomeCode(call(fx.as(fx.a.users[role].id), fx));
      if (hasRole(role, needs)) expect(result, `${role}`).not.toMatch(/FORBIDDEN|UNAUTHORIZED|unexpected/);
      else expect(result, `${role}`).toBe("FORBIDDEN");
    }
  });

  it("refuses anonymous callers", async () => {
    expect(await outcomeCode(fx.as(null).keys.list())).toBe("UNAUTHORIZED");
  });

  it("only an owner can make an owner, and the last owner stays", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    expect(await outcomeCode(admin.members.changeRole({ userId: fx.a.users.member.id, role: "owner" }))).toBe("FORBIDDEN");
    expect(await outcomeCode(admin.members.remove({ userId: fx.a.users.owner.id }))).toBe("FORBIDDEN");
    const owner = fx.as(fx.a.users.owner.id);
    expect(await outcomeCode(owner.members.changeRole({ userId: fx.a.users.owner.id, role: "admin" }))).toBe("CONFLICT");
    expect(await outcomeCode(admin.members.changeRole({ userId: fx.a.users.viewer.id, role: "member" }))).toBe("ok");
  });
});
