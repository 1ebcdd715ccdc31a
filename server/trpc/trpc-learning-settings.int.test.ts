// The console's learning settings through the real router and database: a rule's evaluation
// share and judge (validated, saved in the policy's versions) and the tenant's monthly
// evaluation budget (admins and owners only, audited, seen by the gateway's tenant config).
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { setupTestDatabase } from "../testing/setup-test-database";
import { loadTenantConfig } from "../gateway/load-tenant-config";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("learning settings in the console", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
  });

  it("saves a rule's evaluation share and judge as a new version that lists the change", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const policy = await admin.policies.get({ id: fx.a.policy.id });
    const rules = policy.fields.rules.map((r) => (r.category === "coding" ? { ...r, evaluationShare: 0.05, judgeModel: "gpt-5.4" } : r));
    const saved = await admin.policies.update({ id: policy.id, expectedVersion: policy.version, policy: { ...policy.fields, rules } });

    const reread = await admin.policies.get({ id: policy.id });
    expect(reread.fields.rules.find((r) => r.category === "coding")).toMatchObject({ evaluationShare: 0.05, judgeModel: "gpt-5.4" });
    expect(reread.fields.rules.find((r) => r.category === "math")).toMatchObject({ evaluationShare: 0, judgeModel: null });
    const [latest] = await admin.policies.versions({ id: policy.id });
    expect(latest!.version).toBe(saved.version);
    expect(latest!.changes).toEqual([
      { path: "rules.coding.evaluationShare", before: 0, after: 0.05 },
      { path: "rules.coding.judgeModel", before: null, after: "gpt-5.4" },
    ]);
  });

  it.each([
    ["a share above 100 %", { evaluationShare: 1.5, judgeModel: "gpt-5.4" }, "evaluationShare"],
    ["a negative share", { evaluationShare: -0.1, judgeModel: "gpt-5.4" }, "evaluationShare"],
    ["a share without a judge", { evaluationShare: 0.1, judgeModel: null }, "judgeModel"],
  ])("refuses %s, naming the field", async (_name, change, field) => {
    const admin = fx.as(fx.a.users.admin.id);
    const policy = await admin.policies.get({ id: fx.a.policy.id });
    const rules = policy.fields.rules.map((r) => (r.category === "math" ? { ...r, ...change } : r));
    const index = rules.findIndex((r) => r.category === "math");
    const error = await admin.policies.update({ id: policy.id, expectedVersion: policy.version, policy: { ...policy.fields, rules } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    // The zod issues travel as the cause; the console's error formatter turns their paths into fieldErrors.
    const cause = (error as TRPCError).cause;
    expect(cause).toBeInstanceOf(ZodError);
    expect((cause as ZodError).issues.map((i) => i.path.join("."))).toEqual([`policy.rules.${index}.${field}`]);
    expect((await admin.policies.get({ id: policy.id })).version).toBe(policy.version);
  });

  it("refuses a judge that is not in the tenant's catalog, including another tenant's private model", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const policy = await admin.policies.get({ id: fx.a.policy.id });
    const rules = policy.fields.rules.map((r) => (r.category === "math" ? { ...r, evaluationShare: 0.1, judgeModel: fx.b.model.slug } : r));
    const error = await admin.policies.update({ id: policy.id, expectedVersion: policy.version, policy: { ...policy.fields, rules } }).catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect((error as TRPCError).message).toContain(`Unknown judge model in rule "math"`);
  });

  it("lets admins and owners set the evaluation budget, refuses members and viewers, and audits each change", async () => {
    const as = (role: "viewer" | "member" | "admin" | "owner") => fx.as(fx.a.users[role].id);
    expect(await outcomeCode(as("viewer").tenant.setEvaluationBudget({ evaluationBudgetUsd: 10 }))).toBe("FORBIDDEN");
    expect(await outcomeCode(as("member").tenant.setEvaluationBudget({ evaluationBudgetUsd: 10 }))).toBe("FORBIDDEN");
    expect(await as("viewer").tenant.settings()).toEqual({ evaluationBudgetUsd: null });

    await as("admin").tenant.setEvaluationBudget({ evaluationBudgetUsd: 25.5 });
    expect(await as("viewer").tenant.settings()).toEqual({ evaluationBudgetUsd: 25.5 });
    expect((await loadTenantConfig(t.db, fx.a.tenant.id)).evaluationBudgetUsd).toBe(25.5);
    // Another tenant's budget is untouched: the tenant comes from the session, never from input.
    expect(await fx.as(fx.b.users.owner.id).tenant.settings()).toEqual({ evaluationBudgetUsd: null });

    await as("owner").tenant.setEvaluationBudget({ evaluationBudgetUsd: null });
    expect(await as("admin").tenant.settings()).toEqual({ evaluationBudgetUsd: null });
    expect(await outcomeCode(as("owner").tenant.setEvaluationBudget({ evaluationBudgetUsd: 0.00001 }))).toBe("BAD_REQUEST");
    expect(await outcomeCode(as("owner").tenant.setEvaluationBudget({ evaluationBudgetUsd: -1 }))).toBe("BAD_REQUEST");

    const audit = await t.db.auditLog.findMany({ where: { tenantId: fx.a.tenant.id, action: "tenant.evaluation_budget_set" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([{ from: null, to: 25.5 }, { from: 25.5, to: null }]);
  });
});
