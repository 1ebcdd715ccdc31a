// What the learning side knows about one request, for the log detail: feedback given on it (by
// keys and in the console), category corrections and who made them, evaluations of its answer,
// whether evidence about it still waits for the learning job, and the categories it may be
// refiled under. Every read is bounded.
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { categoryChoices } from "./category-choices";
import { FEEDBACK_AUDIT_ACTION } from "./give-feedback";

const DAY_MS = 86_400_000;
const MAX_FEEDBACK = 20;
const MAX_CORRECTIONS = 10;
const MAX_EVALUATIONS = 5;

function correctionOf(details: unknown): string | null {
  const category = typeof details === "object" && details !== null ? (details as { category?: unknown }).category : null;
  return typeof category === "string" ? category : null;
}

export async function getRequestLearning(actor: TenantActor, requestId: string) {
  const log = await actor.db.requestLog.findFirst({ where: { id: requestId }, select: { id: true, policyId: true, createdAt: true } });
  if (!log) throw notFound("Request");
  const [feedback, evaluations, audits, queued, choices] = await Promise.all([
    actor.db.feedback.findMany({ where: { requestId: log.id }, orderBy: { createdAt: "desc" }, take: MAX_FEEDBACK, select: { score: true, comment: true, apiKeyId: true, createdAt: true } }),
    // Evaluations run off the request's path within minutes of it; the date range lets the
    // (tenant, createdAt) index bound the read, as Evaluation has no index by request.
    actor.db.evaluation.findMany({
      where: { requestId: log.id, createdAt: { gte: log.createdAt, lt: new Date(log.createdAt.getTime() + DAY_MS) } },
      orderBy: { createdAt: "desc" },
      take: MAX_EVALUATIONS,
    }),
    // Corrections are audited when given; nothing about a request is audited before it was logged.
    actor.db.auditLog.findMany({
      where: { action: FEEDBACK_AUDIT_ACTION, targetType: "request", targetId: log.id, createdAt: { gte: log.createdAt } },
      orderBy: { createdAt: "desc" },
      take: MAX_CORRECTIONS,
      select: { actorUserId: true, details: true, createdAt: true },
    }),
    actor.db.learningEvent.count({ where: { requestId: log.id } }),
    categoryChoices(actor.db, log.policyId),
  ]);
  const keyIds = [...new Set(feedback.map((f) => f.apiKeyId).filter((id): id is string => id !== null))];
  const corrections = audits.flatMap((a) => {
    const category = correctionOf(a.details);
    return category === null ? [] : [{ category, userId: a.actorUserId, createdAt: a.createdAt }];
  });
  const userIds = [...new Set(corrections.map((c) => c.userId).filter((id): id is string => id !== null))];
  const [keys, users] = await Promise.all([
    keyIds.length ? actor.db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } }) : [],
    userIds.length ? actor.rootDb.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [],
  ]);
  const keyName = new Map(keys.map((k) => [k.id, k.name]));
  const email = new Map(users.map((u) => [u.id, u.email]));
  return {
    feedback: feedback.map((f) => ({
      score: f.score,
      comment: f.comment,
      createdAt: f.createdAt,
      source: f.apiKeyId === null ? ("console" as const) : ("key" as const),
      keyName: f.apiKeyId === null ? null : (keyName.get(f.apiKeyId) ?? null),
    })),
    corrections: corrections.map((c) => ({ category: c.category, createdAt: c.createdAt, by: c.userId ? (email.get(c.userId) ?? null) : null })),
    evaluations: evaluations.map((e) => ({
      id: e.id,
      category: e.category,
      servedModel: e.servedModel,
      challengerModel: e.challengerModel,
      judgeModel: e.judgeModel,
      status: e.status,
      servedWins: e.servedWins,
      costUsd: e.costUsd === null ? null : Number(e.costUsd),
      createdAt: e.createdAt,
    })),
    /** Evidence about this request the learning job has not folded yet. */
    queuedEvents: queued,
    categoryChoices: choices,
  };
}

export type RequestLearning = Awaited<ReturnType<typeof getRequestLearning>>;
