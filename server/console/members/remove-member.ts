import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import { assertMayChange } from "./guard-owner-changes";

export async function removeMember(actor: TenantActor, userId: string): Promise<void> {
  const membership = await actor.db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
  if (!membership) throw notFound("Member");
  await assertMayChange(actor, membership);
  await actor.db.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, actor, { action: "member.removed", targetType: "user", targetId: userId, details: { role: membership.role } });
  });
}
