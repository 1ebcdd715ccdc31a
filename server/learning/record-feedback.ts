/**
 * Feedback on one request, from the API (/v1/feedback, a key) or the console (a member, no key):
 * the Feedback row that people see, and the LearningEvent rows the learning job folds later.
 * Both in one transaction, so a score is never shown without being learned from, or the reverse.
 * Nothing here checks that the request exists: feedback may come before the usage writer has
 * written its log row, and the event then waits in the queue (callers check ownership).
 */
import type { Prisma, PrismaClient } from "../db/generated/client";
import type { CategoryPayload, FeedbackPayload, NewLearningEvent } from "./learning-event";

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

type Tx = Prisma.TransactionClient;

/**
 * Saves the score on the sender's one row for the request. Senders are serialised per request
 * (a transaction-scoped advisory lock): NULL keys never collide in the unique index, so the
 * console's row is kept by hand. A score sent again replaces the row's still-queued event (if the
 * learning job has not folded it yet); once the first score has been folded, the new one only
 * changes the row: learning has no way to take a folded outcome back, and learning from both
 * would count the request twice. `learn` says whether the score is to be queued.
 */
async function saveScore(tx: Tx, input: FeedbackInput & { score: number }): Promise<{ row: FeedbackRow; learn: boolean }> {
  const { tenantId, requestId, apiKeyId, score } = input;
  const comment = input.comment ?? null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`feedback:${tenantId}:${requestId}:${apiKeyId ?? ""}`}))`;
  const existing = await tx.feedback.findFirst({ where: { tenantId, requestId, apiKeyId }, select: { id: true } });
  if (!existing) return { row: await tx.feedback.create({ data: { tenantId, requestId, apiKeyId, score, comment } }), learn: true };
  const queued = await tx.learningEvent.deleteMany({ where: { tenantId, requestId, kind: "feedback", payload: { path: ["feedbackId"], equals: existing.id } } });
  return { row: await tx.feedback.update({ where: { id: existing.id }, data: { score, comment } }), learn: queued.count > 0 };
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
      const saved = await saveScore(tx, { ...input, score });
      row = saved.row;
      const payload: FeedbackPayload = { feedbackId: row.id };
      if (saved.learn) events.push({ tenantId, requestId, kind: "feedback", score, payload });
    }
    if (category !== undefined) {
      const payload: CategoryPayload = { category };
      events.push({ tenantId, requestId, kind: "category", score: null, payload });
    }
    if (events.length > 0) await tx.learningEvent.createMany({ data: events.map((e) => ({ ...e, payload: { ...e.payload } })) });
    return row;
  });
}
