// Feedback on a request from the console: a member's score and/or category correction, stored
// and queued for the learning job by the same recordFeedback the API's /v1/feedback uses (with no
// key), and audited so the log detail can say who corrected what.
import { recordFeedback } from "../../learning/record-feedback";
import type { TenantActor } from "../actor";
import { invalid, notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import type { GiveFeedbackInput } from "../schemas/feedback";
import { categoryChoices } from "./category-choices";

export const FEEDBACK_AUDIT_ACTION = "request.feedback";

export async function giveFeedback(actor: TenantActor, input: GiveFeedbackInput): Promise<void> {
  // Read through the tenant-scoped client: another tenant's request id is "not found", like an unknown one.
  const log = await actor.db.requestLog.findFirst({ where: { id: input.requestId }, select: { id: true, policyId: true, category: true } });
  if (!log) throw notFound("Request");
  if (input.category !== null) {
    if (input.category === log.category) throw invalid(`The request is already filed under ${log.category}`);
    const choices = await categoryChoices(actor.db, log.policyId);
    if (!choices.includes(input.category)) throw invalid(`Unknown category ${input.category}: pick a built-in category or one of the policy's own`);
  }
  await recordFeedback(actor.rootDb, {
    tenantId: actor.tenantId,
    requestId: log.id,
    apiKeyId: null,
    ...(input.score !== null ? { score: input.score, comment: input.comment } : {}),
    ...(input.category !== null ? { category: input.category } : {}),
  });
  await recordAudit(actor.db, actor, {
    action: FEEDBACK_AUDIT_ACTION,
    targetType: "request",
    targetId: log.id,
    // The comment is left out: it is free text kept on the Feedback row, not an audit detail.
    details: { score: input.score, category: input.category, filedUnder: log.category },
  });
}
