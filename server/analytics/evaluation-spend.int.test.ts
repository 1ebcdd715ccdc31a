// This month's evaluation spend from the Evaluation rows: only the tenant's, only this UTC month,
// against its budget, with outcomes by status and spend per category and per judge; and the
// dashboard procedure that serves it to the console.
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../db/tenant-scope";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "../trpc/testing/console-fixture";
import { getEvaluationSpend } from "./get-evaluation-spend";

const t = setupTestDatabase();
const NOW = new Date("2026-12-15T12:00:00Z");
let tenantId: string;

const row = (over: { status: string; category: string; judgeModel: string; costUsd: number | null; servedWins?: number | null; createdAt?: Date; tenantId?: string }) => ({
  tenantId, requestId: `req_${Math.random()}`, servedModel: "small", challengerModel: "large", servedWins: null, createdAt: new Date("2026-12-10T00:00:00Z"), ...over,
});

beforeAll(async () => {
  tenantId = (await t.db.tenant.create({ data: { name: "Eval", slug: "eval", evaluationBudgetUsd: 25 } })).id;
  const other = (await t.db.tenant.create({ data: { name: "Other", slug: "other-eval", evaluationBudgetUsd: 5 } })).id;
  await t.db.evaluation.createMany({
    data: [
      row({ status: "ok", category: "coding", judgeModel: "judge-a", costUsd: 1.5, servedWins: 1 }),
      row({ status: "ok", category: "coding", judgeModel: "judge-a", costUsd: 0.5, servedWins: 0.5 }),
      row({ status: "ok", category: "math", judgeModel: "judge-b", costUsd: 2, servedWins: 0 }),
      row({ status: "judge_failed", category: "math", judgeModel: "judge-b", costUsd: 1 }),
      row({ status: "challenger_failed", category: "coding", judgeModel: "judge-a", costUsd: 0 }),
      row({ status: "over_budget", category: "coding", judgeModel: "judge-a", costUsd: 0 }),
      row({ status: "ok", category: "coding", judgeModel: "judge-a", costUsd: null, servedWins: 1 }),
      // Last month, and another tenant's: not counted.
      row({ status: "ok", category: "coding", judgeModel: "judge-a", costUsd: 100, servedWins: 1, createdAt: new Date("2026-11-30T23:59:59Z") }),
      row({ status: "ok", category: "coding", judgeModel: "judge-a", costUsd: 100, servedWins: 1, tenantId: other }),
    ],
  });
});

describe("getEvaluationSpend", () => {
  it("sums this month's evaluations of the tenant against its budget", async () => {
    const spend = await getEvaluationSpend(forTenant(t.db, tenantId), tenantId, NOW);
    expect(spend).toMatchObject({ monthStart: new Date("2026-12-01T00:00:00Z"), budgetUsd: 25, spentUsd: 5, usedShare: 0.2, count: 7 });
    expect(spend.byStatus).toEqual({ ok: 4, challenger_failed: 1, judge_failed: 1, over_budget: 1 });
    expect(spend.byCategory).toEqual([
      { key: "math", count: 2, costUsd: 3, judged: 1, servedWinRate: 0 },
      { key: "coding", count: 5, costUsd: 2, judged: 3, servedWinRate: 2.5 / 3 },
    ]);
    expect(spend.byJudge.map((s) => [s.key, s.costUsd, s.count])).toEqual([["judge-b", 3, 2], ["judge-a", 2, 5]]);
  });

  it("a tenant without a budget or evaluations: zeros and a null budget", async () => {
    const none = (await t.db.tenant.create({ data: { name: "None", slug: "none-eval" } })).id;
    expect(await getEvaluationSpend(t.db, none, NOW)).toEqual({
      monthStart: new Date("2026-12-01T00:00:00Z"), budgetUsd: null, spentUsd: 0, usedShare: null, count: 0,
      byStatus: { ok: 0, challenger_failed: 0, judge_failed: 0, over_budget: 0 }, byCategory: [], byJudge: [],
    });
  });

  it("dashboard.evaluationSpend answers for the caller's tenant", async () => {
    const { a, as } = await makeConsoleFixture(t.db);
    await t.db.tenant.update({ where: { id: a.tenant.id }, data: { evaluationBudgetUsd: 10 } });
    await t.db.evaluation.create({ data: row({ status: "ok", category: "general", judgeModel: "judge-a", costUsd: 0.25, servedWins: 1, tenantId: a.tenant.id, createdAt: new Date() }) });
    const spend = await as(a.users.viewer.id).dashboard.evaluationSpend();
    expect(spend).toMatchObject({ budgetUsd: 10, spentUsd: 0.25, count: 1 });
    await expect(as(null).dashboard.evaluationSpend()).rejects.toThrow(/Sign in/);
  });
});
