/**
 * Feedback on one request, from the API (/v1/feedback, a key) or the console (a member, no key):
 * the Feedback row that people see, and the LearningEvent rows the learning job folds later.
 * Both in one transaction, so a score is never shown without being learned from, or the reverse.
 * Nothing here checks that the request exists: feedback may come before the usage writer has
 * written its log row, and the event then waits in the queue (callers check ownership).
 */
import type { PrismaClient } from "../db/generated/client";
import type { CategoryPayload, NewLearningEvent } from "./learning-event";

export interface FeedbackInput {
  tenantId: string;
  requestId: string;
  /** The key that sent it; null for the console. */
  apiKeyId: string | null;
  /** Quality of the answer in [0, 1]; without it only the category is recorded. */
  score?: number;
  /** Kept with the score (a Feedback row needs one). */
  comment?: string | null;
  /** The category the request should have been filed under. */
  category?: string;
}

export interface FeedbackRow {
  id: string;
  tenantId: string;
  requestId: string;
  apiKeyId: string | null;
  score: number;
  comment: string | null;
  createdAt: Date;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * A score sent again for the same request and sender replaces the first: if the learning job has
 * not folded the first one's event yet, that event goes, so the request is not counted twice.
 */
async function dropQueuedScore(tx: Tx, tenantId: string, requestId: string, score: number): Promise<void> {
  const queued = await tx.learningEvent.findFirst({
    where: { tenantId, requestId, kind: "feedback", score },
    select: { id: true },
    orderBy: { id: "desc" },
  });
  if (queued) await tx.learningEvent.delete({ where: { id: queued.id } });
}

async function saveScore(tx: Tx, input: FeedbackInput & { score: number }): Promise<FeedbackRow> {
  const { tenantId, requestId, apiKeyId, score } = input;
  const comment = input.comment ?? null;
  if (apiKeyId === null) {
    // NULLs never collide in the unique index, so the console's one row per request is kept by
    // hand; the transaction-scoped lock makes two members saving at once update one row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`feedback:${tenantId}:${requestId}`}))`;
    const existing = await tx.feedback.findFirst({ where: { tenantId, requestId, apiKeyId: null } });
    if (existing) {
      await dropQueuedScore(tx, tenantId, requestId, existing.score);
      return tx.feedback.update({ where: { id: existing.id }, data: { score, comment } });
    }
    return tx.feedback.create({ data: { tenantId, requestId, apiKeyId: null, score, comment } });
  }
  const key = { tenantId_requestId_apiKeyId: { tenantId, requestId, apiKeyId } };
  const existing = await tx.feedback.findUnique({ where: key, select: { score: true } });
  if (existing) await dropQueuedScore(tx, tenantId, requestId, existing.score);
  return tx.feedback.upsert({
    where: key,
    create: { tenantId, requestId, apiKeyId, score, comment },
    update: { score, comment },
  });
}

/** Records a score and/or a category correction; the Feedback row, or null when only a category was sent. */
export async function recordFeedback(db: PrismaClient, input: FeedbackInput): Promise<FeedbackRow | null> {
  const { tenantId, requestId, score, category } = input;
  if (score === undefined && category === undefined) throw new Error("recordFeedback needs a score or a category");
  if (score !== undefined && !(score >= 0 && score <= 1)) throw new Error("feedback score must be in [0, 1]");
  return db.$transaction(async (tx) => {
    const events: NewLearningEvent[] = [];
    let row: FeedbackRow | null = null;
    if (score !== undefined) {
      row = await saveScore(tx, { ...input, score });
      events.push({ tenantId, requestId, kind: "feedback", score, payload: {} });
    }
    if (category !== undefined) {
      const payload: CategoryPayload = { category };
      events.push({ tenantId, requestId, kind: "category", score: null, payload });
    }
    await tx.learningEvent.createMany({ data: events.map((e) => ({ ...e, payload: { ...e.payload } })) });
    return row;
  });
}
