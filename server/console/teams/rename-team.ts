import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function renameTeam(actor: TenantActor, id: string, name: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const team = await tx.team.findFirst({ where: { id }, select: { name: true } });
    if (!team) throw notFound("Team");
    await tx.team.update({ where: { id }, data: { name } });
    await recordAudit(tx, actor, { action: "team.renamed", targetType: "team", targetId: id, details: { from: team.name, to: name } });
  });
}
