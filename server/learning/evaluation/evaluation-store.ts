/**
 * Where evaluations are written: the Evaluation row, and for a judged one the "judgement" event
 * that names it, in one transaction (the learning job must never see a verdict without its row),
 * and this month's evaluation spend that seeds the in-memory budget.
 */
import type { PrismaClient } from "../../db/generated/client";
import type { JudgementPayload, NewLearningEvent } from "../learning-event";
import type { EvaluationRow } from "./run-evaluation";

export function saveEvaluation(db: PrismaClient) {
  return async (row: EvaluationRow, judgement: Omit<JudgementPayload, "evaluationId"> | null): Promise<void> => {
    await db.$transaction(async (tx) => {
      const saved = await tx.evaluation.create({ data: row, select: { id: true } });
      if (!judgement) return;
      const payload: JudgementPayload = { ...judgement, evaluationId: saved.id };
      const event: NewLearningEvent = { tenantId: row.tenantId, requestId: row.requestId, kind: "judgement", score: row.servedWins, payload };
      await tx.learningEvent.create({ data: { ...event, payload: { ...payload } } });
    });
  };
}

export function loadMonthSpend(db: PrismaClient) {
  return async (tenantId: string, monthStart: Date): Promise<number> => {
    const sum = await db.evaluation.aggregate({ where: { tenantId, createdAt: { gte: monthStart } }, _sum: { costUsd: true } });
    return Number(sum._sum.costUsd ?? 0);
  };
}
