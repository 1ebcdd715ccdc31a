// Restoring a policy version through the real router and database: the restore is a new
// version with the old settings, audited, role-gated like a save, confined to the tenant, and
// refused when the old version names models the catalog no longer has.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { tenantConfig } from "../gateway/config-cache";
import type { Prisma } from "../db/generated/client";
import { MAX_VERSIONS_LISTED } from "../console/policies/list-policy-versions";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("policy restore", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
  });

  it("saves version 1's settings as a new version, audits it, and the gateway loads them", async () => {
    const id = fx.a.policy.id;
    const original = await admin.policies.get({ id });
    const [first, ...others] = original.fields.rules;
    const edited = { ...original.fields, description: "Tighter coding", confidenceThreshold: 0.9, rules: [{ ...first!, qualityBar: first!.qualityBar + 5, evaluationShare: 0.1, judgeModel: "gpt-5.4" }, ...others] };
    expect(await admin.policies.update({ id, expectedVersion: original.version, policy: edited })).toEqual({ version: 2 });
    expect((await tenantConfig(t.db, fx.a.tenant.id)).policiesById.get(id)?.rules[first!.category]?.qualityBar).toBe(first!.qualityBar + 5);

    expect(await admin.policies.restore({ id, version: 1, expectedVersion: 2 })).toEqual({ version: 3 });
    const restored = await admin.policies.get({ id });
    expect(restored.version).toBe(3);
    expect(restored.fields).toEqual(original.fields);

    const [latest] = await admin.policies.versions({ id });
    expect(latest!.version).toBe(3);
    expect(latest!.changes).toContainEqual({ path: `rules.${first!.category}.qualityBar`, before: first!.qualityBar + 5, after: first!.qualityBar });
    expect(latest!.changes).toContainEqual({ path: "confidenceThreshold", before: 0.9, after: original.fields.confidenceThreshold });

    const audit = await t.db.auditLog.findFirstOrThrow({ where: { tenantId: fx.a.tenant.id, targetId: id, action: "policy.restored" } });
    expect(audit).toMatchObject({ actorUserId: fx.a.users.admin.id, details: { version: 3, restoredVersion: 1 } });
    // The cached config was dropped, so the gateway routes with the restored bar at once.
    expect((await tenantConfig(t.db, fx.a.tenant.id)).policiesById.get(id)).toMatchObject({ version: 3, rules: { [first!.category]: { qualityBar: first!.qualityBar } } });

    // A page opened before the restore is stale, as for a save.
    expect(await outcomeCode(admin.policies.restore({ id, version: 2, expectedVersion: 2 }))).toBe("CONFLICT");
  });

  it("refuses viewers and members, as for edits, and changes nothing", async () => {
    const id = fx.a.policy.id;
    const { version } = await admin.policies.get({ id });
    for (const role of ["viewer", "member"] as const) {
      expect(await outcomeCode(fx.as(fx.a.users[role].id).policies.restore({ id, version: 1, expectedVersion: version }))).toBe("FORBIDDEN");
    }
    expect((await admin.policies.get({ id })).version).toBe(version);
  });

  it("does not find another tenant's policy or a version that does not exist", async () => {
    expect(await outcomeCode(admin.policies.restore({ id: fx.b.policy.id, version: 1, expectedVersion: 1 }))).toBe("NOT_FOUND");
    expect(await t.db.routingPolicyVersion.count({ where: { policyId: fx.b.policy.id } })).toBe(1);
    const { version } = await admin.policies.get({ id: fx.a.policy.id });
    expect(await outcomeCode(admin.policies.restore({ id: fx.a.policy.id, version: 99, expectedVersion: version }))).toBe("NOT_FOUND");
  });

  it("refuses a version that names a model no longer in the catalog, saying which", async () => {
    const id = fx.a.policy.id;
    const gone = await t.db.model.create({
      data: { tenantId: fx.a.tenant.id, slug: "alpha-retired", provider: "openai-compatible", providerModelId: "old", displayName: "Old", contextWindow: 8000, quality: {}, baseUrl: "http://127.0.0.1:9/v1" },
    });
    const current = await admin.policies.get({ id });
    const [first, ...others] = current.fields.rules;
    const withIt = { ...current.fields, rules: [{ ...first!, allowedModels: [...first!.allowedModels, gone.slug] }, ...others] };
    const { version: named } = await admin.policies.update({ id, expectedVersion: current.version, policy: withIt });
    const { version: latest } = await admin.policies.update({ id, expectedVersion: named, policy: current.fields });
    await t.db.model.delete({ where: { id: gone.id } });

    await expect(admin.policies.restore({ id, version: named, expectedVersion: latest })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(new RegExp(`Version ${named} cannot be restored.*alpha-retired`)),
    });
    expect((await admin.policies.get({ id })).version).toBe(latest);
  });

  it("restores a version stored before evaluation settings existed as no evaluations", async () => {
    const id = fx.a.policy.id;
    const stored = await t.db.routingPolicyVersion.findFirstOrThrow({ where: { policyId: id, version: 1 } });
    const snapshot = stored.snapshot as { rules: Record<string, Record<string, unknown>> };
    for (const rule of Object.values(snapshot.rules)) {
      delete rule.evaluationShare;
      delete rule.judgeModel;
    }
    await t.db.routingPolicyVersion.update({ where: { id: stored.id }, data: { snapshot: snapshot as unknown as Prisma.InputJsonValue } });

    const current = await admin.policies.get({ id });
    const [first, ...others] = current.fields.rules;
    const evaluated = { ...current.fields, rules: [{ ...first!, evaluationShare: 0.2, judgeModel: "gpt-5.4" }, ...others] };
    const { version } = await admin.policies.update({ id, expectedVersion: current.version, policy: evaluated });
    await admin.policies.restore({ id, version: 1, expectedVersion: version });
    const restored = await admin.policies.get({ id });
    expect(restored.fields.rules.every((r) => r.evaluationShare === 0 && r.judgeModel === null)).toBe(true);
  });

  it("lists only the newest versions of a long history, the oldest listed diffed against the one before it", async () => {
    const id = fx.b.policy.id;
    const first = await t.db.routingPolicyVersion.findFirstOrThrow({ where: { policyId: id, version: 1 } });
    const snapshot = first.snapshot as Record<string, unknown>;
    const total = MAX_VERSIONS_LISTED + 10;
    await t.db.routingPolicyVersion.createMany({
      data: Array.from({ length: total - 1 }, (_, i) => ({ policyId: id, version: i + 2, snapshot: { ...snapshot, description: `save ${i + 2}` } as Prisma.InputJsonValue })),
    });
    const versions = await fx.as(fx.b.users.viewer.id).policies.versions({ id });
    expect(versions).toHaveLength(MAX_VERSIONS_LISTED);
    expect(versions[0]!.version).toBe(total);
    const oldest = versions.at(-1)!;
    expect(oldest.version).toBe(total - MAX_VERSIONS_LISTED + 1);
    expect(oldest.changes).toEqual([{ path: "description", before: `save ${oldest.version - 1}`, after: `save ${oldest.version}` }]);
  });
});
