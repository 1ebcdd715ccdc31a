// An invite link for a role. The token is returned once; only its hash is stored.
import { generateInviteToken, INVITE_TTL_MS } from "../../auth/invite-token";
import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";
import type { Role } from "../schemas/roles";
import { assertMayAssign } from "./guard-owner-changes";

export async function createInvite(actor: TenantActor, input: { email: string | null; role: Role }, now = new Date()) {
  assertMayAssign(actor, input.role);
  await requireRoom(actor.db.invite.count({ where: { acceptedAt: null, expiresAt: { gt: now } } }), TENANT_LIMITS.openInvites, "open invites", "revoke one first");
  const { token, hash } = generateInviteToken();
  const invite = await actor.db.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: { tenantId: actor.tenantId, email: input.email, role: input.role, tokenHash: hash, expiresAt: new Date(now.getTime() + INVITE_TTL_MS), createdById: actor.userId },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await recordAudit(tx, actor, { action: "invite.created", targetType: "invite", targetId: created.id, details: { email: input.email, role: input.role } });
    return created;
  });
  return { invite, token };
}
