import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

/** The team's keys keep working, without a team (the schema sets their teamId to null). */
export async function deleteTeam(actor: TenantActor, id: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id }, select: { name: true } });
    if (!team) throw notFound("Team");
    await tx.team.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "team.deleted", targetType: "team", targetId: id, details: { name: team.name } });
  });
}
