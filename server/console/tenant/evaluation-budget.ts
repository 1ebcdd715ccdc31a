// The tenant's monthly evaluation budget: read by every member, changed by admins and owners.
// It is part of the gateway's tenant config, so a change is announced to every process.
import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";

const toNumber = (value: { toString(): string } | null): number | null => (value === null ? null : Number(value));

/** Tenant is not tenant-owned data, so it is addressed by the actor's tenant id, never by input. */
export async function getTenantSettings(actor: TenantActor): Promise<{ evaluationBudgetUsd: number | null }> {
  const tenant = await actor.rootDb.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { evaluationBudgetUsd: true } });
  return { evaluationBudgetUsd: toNumber(tenant.evaluationBudgetUsd) };
}

export async function setEvaluationBudget(actor: TenantActor, evaluationBudgetUsd: number | null): Promise<{ evaluationBudgetUsd: number | null }> {
  const saved = await actor.rootDb.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { evaluationBudgetUsd: true } });
    const after = await tx.tenant.update({ where: { id: actor.tenantId }, data: { evaluationBudgetUsd }, select: { evaluationBudgetUsd: true } });
    await recordAudit(tx, actor, {
      action: "tenant.evaluation_budget_set",
      targetType: "tenant",
      targetId: actor.tenantId,
      details: { from: toNumber(before.evaluationBudgetUsd), to: toNumber(after.evaluationBudgetUsd) },
    });
    return toNumber(after.evaluationBudgetUsd);
  });
  await invalidateTenant(actor.db, actor.tenantId);
  return { evaluationBudgetUsd: saved };
}
