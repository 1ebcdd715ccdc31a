// The demo seed on a fresh database: the demo tenant's evaluation settings, and a history whose
// evidence is queued for the learning job (each event's request logged before it).
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { DEMO_EVALUATION } from "./seed-demo";
import { seed } from "./seed";

const t = setupTestDatabase();

describe("seed", () => {
  it("gives the demo tenant an evaluation budget, shares and judges, and a history with evidence", async () => {
    const started = performance.now();
    const result = await seed(t.db, { days: 20, requestsPerDay: 100, now: new Date() });
    expect(result.created).toBe(true);
    expect(performance.now() - started).toBeLessThan(30_000);

    const tenant = await t.db.tenant.findUniqueOrThrow({ where: { id: result.tenantId } });
    expect(Number(tenant.evaluationBudgetUsd)).toBe(DEMO_EVALUATION.budgetUsd);
    const rules = await t.db.policyRule.findMany({ where: { policy: { tenantId: result.tenantId, isDefault: true } } });
    expect(rules.every((r) => r.evaluationShare === DEMO_EVALUATION.share)).toBe(true);
    expect(rules.filter((r) => r.judgeModel === DEMO_EVALUATION.judgeModel).map((r) => r.category).sort()).toEqual([...DEMO_EVALUATION.judgedCategories].sort());

    const [feedback, evaluations, events] = await Promise.all([
      t.db.feedback.count({ where: { tenantId: result.tenantId } }),
      t.db.evaluation.findMany({ where: { tenantId: result.tenantId } }),
      t.db.learningEvent.findMany({ where: { tenantId: result.tenantId } }),
    ]);
    expect(feedback).toBeGreaterThan(50);
    expect(evaluations.length).toBeGreaterThan(10);
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["feedback", "judgement", "signal"]);
    expect(events.filter((e) => e.kind === "judgement")).toHaveLength(evaluations.filter((e) => e.status === "ok").length);
    // Every event's request is in the log, so the learning job can fold it.
    const logged = await t.db.requestLog.count({ where: { id: { in: [...new Set(events.map((e) => e.requestId))] } } });
    expect(logged).toBe(new Set(events.map((e) => e.requestId)).size);

    // Seeding again creates nothing.
    expect((await seed(t.db, { days: 20, requestsPerDay: 100 })).created).toBe(false);
    expect(await t.db.evaluation.count({ where: { tenantId: result.tenantId } })).toBe(evaluations.length);
  });
});
