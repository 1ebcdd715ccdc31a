// What evaluations (challenger and judge calls) cost the tenant this calendar month (UTC), against
// its evaluation budget, with the outcomes counted by status and the spend split per category and
// per judge model: the figures an operator needs to size the budget and the sampling shares.
import type { PrismaClient } from "../db/generated/client";
import type { TenantDb } from "../db/tenant-scope";
import { monthStart, nextMonthStart } from "../limits/calendar";

export type EvaluationStatusCounts = Record<"ok" | "challenger_failed" | "judge_failed" | "over_budget", number>;

export interface EvaluationSpendSlice {
  key: string;
  count: number;
  costUsd: number;
  /** Evaluations the judge decided (status ok), and the served answer's mean win rate among them (null: none). */
  judged: number;
  servedWinRate: number | null;
}

export interface EvaluationSpend {
  monthStart: Date;
  /** Null: the tenant has no evaluation budget, so no evaluations run. */
  budgetUsd: number | null;
  spentUsd: number;
  /** Share of the budget spent, 0-1 (null without a budget). */
  usedShare: number | null;
  count: number;
  byStatus: EvaluationStatusCounts;
  byCategory: EvaluationSpendSlice[];
  byJudge: EvaluationSpendSlice[];
}

function slices(rows: { key: string; count: number; costUsd: number; judged: number; winSum: number }[]): EvaluationSpendSlice[] {
  const merged = new Map<string, { count: number; costUsd: number; judged: number; winSum: number }>();
  for (const r of rows) {
    const m = merged.get(r.key) ?? { count: 0, costUsd: 0, judged: 0, winSum: 0 };
    m.count += r.count;
    m.costUsd += r.costUsd;
    m.judged += r.judged;
    m.winSum += r.winSum;
    merged.set(r.key, m);
  }
  return [...merged.entries()]
    .map(([key, m]) => ({ key, count: m.count, costUsd: m.costUsd, judged: m.judged, servedWinRate: m.judged > 0 ? m.winSum / m.judged : null }))
    .sort((a, b) => b.costUsd - a.costUsd || b.count - a.count || a.key.localeCompare(b.key));
}

export async function getEvaluationSpend(db: PrismaClient | TenantDb, tenantId: string, now = new Date()): Promise<EvaluationSpend> {
  const from = monthStart(now);
  const to = nextMonthStart(now);
  const [tenant, groups] = await Promise.all([
    (db as PrismaClient).tenant.findUnique({ where: { id: tenantId }, select: { evaluationBudgetUsd: true } }),
    // One grouped read: at most statuses × categories × judges rows, whatever the month's volume.
    (db as PrismaClient).evaluation.groupBy({
      by: ["status", "category", "judgeModel"],
      where: { tenantId, createdAt: { gte: from, lt: to } },
      _count: { _all: true },
      _sum: { costUsd: true, servedWins: true },
    }),
  ]);
  const byStatus: EvaluationStatusCounts = { ok: 0, challenger_failed: 0, judge_failed: 0, over_budget: 0 };
  const rows = groups.map((g) => {
    const judged = g.status === "ok" ? g._count._all : 0;
    return { status: g.status, category: g.category, judge: g.judgeModel, count: g._count._all, costUsd: Number(g._sum.costUsd ?? 0), judged, winSum: judged ? Number(g._sum.servedWins ?? 0) : 0 };
  });
  for (const r of rows) if (r.status in byStatus) byStatus[r.status as keyof EvaluationStatusCounts] += r.count;
  const spentUsd = rows.reduce((sum, r) => sum + r.costUsd, 0);
  const budgetUsd = tenant?.evaluationBudgetUsd == null ? null : Number(tenant.evaluationBudgetUsd);
  return {
    monthStart: from,
    budgetUsd,
    spentUsd,
    usedShare: budgetUsd && budgetUsd > 0 ? spentUsd / budgetUsd : null,
    count: rows.reduce((sum, r) => sum + r.count, 0),
    byStatus,
    byCategory: slices(rows.map((r) => ({ ...r, key: r.category }))),
    byJudge: slices(rows.map((r) => ({ ...r, key: r.judge }))),
  };
}
