// Resetting what routing has learned for the tenant: its learned state (profiles, learned
// difficulty, category corrections) and the evidence still queued for the learning job. Feedback, evaluations and the request log are kept; only what was learned from them goes.
import { invalidateTenant } from "../../gateway/config-cache";
import { LEARNING_LOCK_KEY } from "../../learning/learning-job";
import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";

export async function resetLearning(actor: TenantActor): Promise<{ learnedStateRemoved: boolean; queuedEventsRemoved: number }> {
  const result = await actor.rootDb.$transaction(async (tx) => {
    // Waits for a learning round in progress, which would otherwise write the old state back.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LEARNING_LOCK_KEY}::bigint)`;
    const learned = await tx.tenantLearning.deleteMany({ where: { tenantId: actor.tenantId } });
    const queued = await tx.learningEvent.deleteMany({ where: { tenantId: actor.tenantId } });
    const outcome = { learnedStateRemoved: learned.count > 0, queuedEventsRemoved: queued.count };
    await recordAudit(tx, actor, { action: "tenant.learning_reset", targetType: "tenant", targetId: actor.tenantId, details: outcome });
    return outcome;
  });
  // Every gateway process routes without the learned state from its next request on.
  await invalidateTenant(actor.db, actor.tenantId);
  return result;
}
