// The demo seed on a fresh database: the demo tenant's evaluation settings, and a history whose
// evidence is queued for the learning job (each event's request logged before it).
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { runLearningRound, DEFAULT_ROUND_OPTIONS } from "../learning/learning-job";
import { trueQuality } from "../providers/simulated/simulated-truth";
import { DEFAULT_CATALOG } from "../routing/defaults";
import { capabilityProfile, type ProfileBook } from "../routing/learning/capability-profile";
import { DEMO_EVALUATION } from "./seed-demo";
import { seed } from "./seed";

const t = setupTestDatabase();

describe("seed", () => {
  it("gives the demo tenant an evaluation budget, shares and judges, and a history with evidence", async () => {
    const started = performance.now();
    const result = await seed(t.db, { days: 30, requestsPerDay: 150, now: new Date() });
    expect(result.created).toBe(true);
    expect(performance.now() - started).toBeLessThan(30_000);

    const tenant = await t.db.tenant.findUniqueOrThrow({ where: { id: result.tenantId } });
    expect(Number(tenant.evaluationBudgetUsd)).toBe(DEMO_EVALUATION.budgetUsd);
    const rules = await t.db.policyRule.findMany({ where: { policy: { tenantId: result.tenantId, isDefault: true } } });
    // Every evaluating rule has its judge; the others evaluate nothing.
    const judged = [...DEMO_EVALUATION.judgedCategories].sort();
    expect(rules.filter((r) => r.judgeModel === DEMO_EVALUATION.judgeModel && r.evaluationShare === DEMO_EVALUATION.share).map((r) => r.category).sort()).toEqual(judged);
    expect(rules.filter((r) => r.evaluationShare > 0).map((r) => r.category).sort()).toEqual(judged);
    const version = await t.db.routingPolicyVersion.findFirstOrThrow({ where: { policy: { tenantId: result.tenantId, isDefault: true }, version: 1 } });
    expect((version.snapshot as { rules: Record<string, { evaluationShare: number; judgeModel: string | null }> }).rules.coding).toMatchObject({ evaluationShare: DEMO_EVALUATION.share, judgeModel: DEMO_EVALUATION.judgeModel });

    const [feedback, evaluations, events] = await Promise.all([
      t.db.feedback.count({ where: { tenantId: result.tenantId } }),
      t.db.evaluation.findMany({ where: { tenantId: result.tenantId } }),
      t.db.learningEvent.findMany({ where: { tenantId: result.tenantId } }),
    ]);
    expect(feedback).toBeGreaterThan(50);
    expect(evaluations.length).toBeGreaterThan(10);
    const kinds = new Set(events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["feedback", "judgement"]);
    expect(events.filter((e) => e.kind === "judgement")).toHaveLength(evaluations.filter((e) => e.status === "ok").length);
    // Every event's request is in the log, so the learning job can fold it.
    const logged = await t.db.requestLog.count({ where: { id: { in: [...new Set(events.map((e) => e.requestId))] } } });
    expect(logged).toBe(new Set(events.map((e) => e.requestId)).size);

    // The demo answers' implicit signals are counted in the rollups, as many as the log rows carry.
    const [refusals, rolled] = await Promise.all([
      t.db.requestLog.count({ where: { tenantId: result.tenantId, signals: { has: "refusal" } } }),
      t.db.usageRollupDaily.aggregate({ where: { tenantId: result.tenantId }, _sum: { refusals: true, truncations: true } }),
    ]);
    expect(refusals).toBeGreaterThan(0);
    expect(rolled._sum.refusals).toBe(refusals);
    expect(rolled._sum.truncations).toBe(await t.db.requestLog.count({ where: { tenantId: result.tenantId, signals: { has: "truncated" } } }));

    // Seeding again creates nothing.
    expect((await seed(t.db, { days: 30, requestsPerDay: 150 })).created).toBe(false);
    expect(await t.db.evaluation.count({ where: { tenantId: result.tenantId } })).toBe(evaluations.length);
  });

  it("once the learning job folded the history, profiles sit closer to the simulator's truth than the catalog does", async () => {
    const tenantId = (await t.db.tenant.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    for (let round = 0; round < 20 && (await t.db.learningEvent.count()) > 0; round++) {
      await runLearningRound(t.db, new Date(), DEFAULT_ROUND_OPTIONS, async () => {});
    }
    expect(await t.db.learningEvent.count()).toBe(0);
    const learned = await t.db.tenantLearning.findUniqueOrThrow({ where: { tenantId } });
    const book = learned.profiles as unknown as ProfileBook;
    let catalogError = 0;
    let profileError = 0;
    let pairs = 0;
    for (const [category, models] of Object.entries(book)) {
      for (const [model, evidence] of Object.entries(models)) {
        const figure = DEFAULT_CATALOG.find((m) => m.id === model)?.quality[category] ?? null;
        const truth = trueQuality(model, category);
        const profile = capabilityProfile(evidence, figure);
        if (figure === null || truth === null || profile.evidence < 40) continue;
        catalogError += Math.abs(figure - truth);
        profileError += Math.abs(profile.quality - truth);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(2);
    expect(profileError / pairs).toBeLessThan(catalogError / pairs);
  });
});
