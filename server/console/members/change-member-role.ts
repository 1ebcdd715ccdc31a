import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import type { Role } from "../schemas/roles";
import { assertMayAssign, assertMayChange } from "./guard-owner-changes";

export async function changeMemberRole(actor: TenantActor, userId: string, role: Role): Promise<void> {
  const membership = await actor.db.membership.findFirst({ where: { userId }, select: { id: true, role: true } });
  if (!membership) throw notFound("Member");
  if (membership.role === role) return;
  assertMayAssign(actor, role);
  await assertMayChange(actor, membership);
  await actor.db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: membership.id }, data: { role } });
    await recordAudit(tx, actor, { action: "member.role_changed", targetType: "user", targetId: userId, details: { from: membership.role, to: role } });
  });
}
