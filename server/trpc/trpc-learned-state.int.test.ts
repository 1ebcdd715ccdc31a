// A tenant's learned state in the console's router: the policy tester shows the decision adapted
// by it (and another tenant's tester does not see it), and resetting it is for admins and owners
// only, removes the tenant's learned state and queued evidence (another tenant's kept), is audited,
// and the gateway's tenant config loaded afterwards routes without it.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setupTestDatabase } from "../testing/setup-test-database";
import { loadTenantConfig } from "../gateway/load-tenant-config";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const PROFILES = { coding: { "gpt-5.4": { successes: 380, failures: 20 } } };

async function giveLearning(fx: Fixture, tenantId: string, requestId: string) {
  await t.db.tenantLearning.create({ data: { tenantId, profiles: PROFILES, folded: { feedback: 400 } } });
  await t.db.learningEvent.create({ data: { tenantId, requestId, kind: "feedback", score: 1, payload: {} } });
}

describe("resetting a tenant's learning", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    await giveLearning(fx, fx.a.tenant.id, fx.a.log.id);
    await giveLearning(fx, fx.b.tenant.id, fx.b.log.id);
  });

  it("shows the policy tester's decision adapted by the tenant's learned state, and only for that tenant", async () => {
    const prompt = "Write a TypeScript function that parses a CSV line with quoted fields.";
    await t.db.tenantLearning.update({ where: { tenantId: fx.b.tenant.id }, data: { profiles: {} } });
    const result = await fx.as(fx.a.users.member.id).policies.test({ policyId: fx.a.policy.id, prompt });
    expect(result.category).toBe("coding");
    expect(result.learning?.profiles).toEqual([expect.objectContaining({ modelId: "gpt-5.4", source: "profile", evidence: 400 })]);
    expect(result.notes.some((n) => n.startsWith("gpt-5.4: quality"))).toBe(true);
    const others = await fx.as(fx.b.users.member.id).policies.test({ policyId: fx.b.policy.id, prompt });
    expect(others.learning?.profiles).toEqual([]);
  });

  it("is refused to members", async () => {
    const error = await fx.as(fx.a.users.member.id).tenant.resetLearning().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("FORBIDDEN");
    expect(await t.db.tenantLearning.count({ where: { tenantId: fx.a.tenant.id } })).toBe(1);
  });

  it("removes the tenant's learned state and queued evidence, audited, and only that tenant's", async () => {
    expect((await loadTenantConfig(t.db, fx.a.tenant.id)).learning.profiles?.book).toEqual(PROFILES);
    const result = await fx.as(fx.a.users.admin.id).tenant.resetLearning();
    expect(result).toEqual({ learnedStateRemoved: true, queuedEventsRemoved: 1 });
    expect(await t.db.tenantLearning.count({ where: { tenantId: fx.a.tenant.id } })).toBe(0);
    expect(await t.db.learningEvent.count({ where: { tenantId: fx.a.tenant.id } })).toBe(0);
    expect(await t.db.tenantLearning.count({ where: { tenantId: fx.b.tenant.id } })).toBe(1);
    expect(await t.db.learningEvent.count({ where: { tenantId: fx.b.tenant.id } })).toBe(1);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { tenantId: fx.a.tenant.id, action: "tenant.learning_reset" } });
    expect(audit).toMatchObject({ actorUserId: fx.a.users.admin.id, details: { learnedStateRemoved: true, queuedEventsRemoved: 1 } });
    expect((await loadTenantConfig(t.db, fx.a.tenant.id)).learning).toEqual({});
    // The request log and feedback stay; resetting again finds nothing.
    expect(await t.db.requestLog.count({ where: { id: fx.a.log.id } })).toBe(1);
    expect(await fx.as(fx.a.users.owner.id).tenant.resetLearning()).toEqual({ learnedStateRemoved: false, queuedEventsRemoved: 0 });
  });
});
