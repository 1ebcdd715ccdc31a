import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function revokeInvite(actor: TenantActor, id: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const invite = await tx.invite.findFirst({ where: { id, acceptedAt: null }, select: { id: true, email: true, role: true } });
    if (!invite) throw notFound("Invite");
    await tx.invite.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "invite.revoked", targetType: "invite", targetId: id, details: { email: invite.email, role: invite.role } });
  });
}
