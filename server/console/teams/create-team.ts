import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";

export async function createTeam(actor: TenantActor, input: { name: string; monthlyBudgetUsd: number | null }): Promise<{ id: string }> {
  await requireRoom(actor.db.team.count(), TENANT_LIMITS.teams, "teams", "delete one first");
  return actor.db.$transaction(async (tx) => {
    const team = await tx.team.create({ data: { tenantId: actor.tenantId, ...input }, select: { id: true } });
    await recordAudit(tx, actor, { action: "team.created", targetType: "team", targetId: team.id, details: input });
    return team;
  });
}
