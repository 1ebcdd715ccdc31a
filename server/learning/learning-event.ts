/**
 * Evidence on its way into a tenant's learning state. Everything that says how well a model served
 * a request becomes one LearningEvent row (a queue table); the learning job folds queued events
 * into TenantLearning and deletes them in the same transaction, so an event counts exactly once.
 * Writers never touch the learned state themselves: the request's path only ever adds rows
 * (feedback, evaluations). Implicit signals are no learning events: the usage rollups count them.
 *
 * An event names a request; the job reads the request's log row for what the event does not carry
 * (served model, category, the learned difficulty's features). Feedback may arrive before that row
 * is written (the usage writer batches): the event then waits in the queue for later rounds.
 */

export type LearningEventKind = "feedback" | "category" | "judgement";

/**
 * A caller's or reviewer's score in [0, 1] for the answer the request got (LearningEvent.score).
 * Names its Feedback row: a score sent again replaces the row's still-queued event.
 */
export interface FeedbackPayload {
  feedbackId: string;
}

/** The category the request should have been filed under. */
export interface CategoryPayload {
  category: string;
}

/**
 * An evaluation's verdict: LearningEvent.score is how often the served answer won across the two
 * position-swapped judgements (1, 0.5 or 0).
 */
export interface JudgementPayload {
  category: string;
  served: string;
  challenger: string;
  evaluationId: string;
}

export type LearningEventPayload = FeedbackPayload | CategoryPayload | JudgementPayload;

/** What a writer adds to the queue; the table fills in id, attempts and createdAt. */
export interface NewLearningEvent {
  tenantId: string;
  requestId: string;
  kind: LearningEventKind;
  score: number | null;
  payload: LearningEventPayload;
}
