import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function updateTeam(actor: TenantActor, input: { id: string; name: string; monthlyBudgetUsd: number | null }): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id: input.id }, select: { name: true, monthlyBudgetUsd: true } });
    if (!team) throw notFound("Team");
    await tx.team.update({ where: { id: input.id }, data: { name: input.name, monthlyBudgetUsd: input.monthlyBudgetUsd } });
    await recordAudit(tx, actor, {
      action: "team.updated",
      targetType: "team",
      targetId: input.id,
      details: {
        from: { name: team.name, monthlyBudgetUsd: team.monthlyBudgetUsd === null ? null : Number(team.monthlyBudgetUsd) },
        to: { name: input.name, monthlyBudgetUsd: input.monthlyBudgetUsd },
      },
    });
  });
  // The gateway holds each key's team budget in its cache.
  await invalidateTenant(actor.db, actor.tenantId);
}
