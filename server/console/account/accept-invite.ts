// Accepting an invite link makes the signed-in user a member with the invited role. Runs
// outside any tenant scope: the user is not a member yet, the token is what grants entry.
import type { Db } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { hashInviteToken } from "../../auth/invite-token";
import { conflict, forbidden, notFound } from "../console-error";
import type { Role } from "../schemas/roles";

export async function joinByInvite(tx: Prisma.TransactionClient, user: { id: string; email: string }, token: string, now = new Date()): Promise<string> {
  const invite = await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } });
  if (!invite || invite.expiresAt <= now) throw notFound("Invite (it may have expired)");
  if (invite.acceptedAt) throw conflict("This invite has been used already");
  if (invite.email && invite.email !== user.email) throw forbidden(`This invite is for ${invite.email}`);
  const existing = await tx.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId: invite.tenantId } } });
  if (existing) throw conflict("You are a member of this organisation already");
  await admitByInvite(tx, user, invite, now);
  return invite.tenantId;
}

/** Makes the user a member with the invite's role and uses the invite up (a link, or single sign-on with the invited email). */
export async function admitByInvite(tx: Prisma.TransactionClient, user: { id: string; email: string }, invite: { id: string; tenantId: string; role: Role }, now: Date): Promise<void> {
  await tx.membership.create({ data: { tenantId: invite.tenantId, userId: user.id, role: invite.role } });
  await tx.invite.update({ where: { id: invite.id }, data: { acceptedAt: now } });
  await tx.auditLog.create({
    data: { tenantId: invite.tenantId, actorUserId: user.id, action: "invite.accepted", targetType: "invite", targetId: invite.id, details: { email: user.email, role: invite.role } },
  });
}

export async function acceptInvite(db: Db, userId: string, token: string): Promise<{ tenantId: string }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true } });
    return { tenantId: await joinByInvite(tx, user, token) };
  });
}

/** What an invite link offers, for the page that shows it before anyone signs in. */
export async function describeInvite(db: Db, token: string, now = new Date()) {
  const invite = await db.invite.findUnique({ where: { tokenHash: hashInviteToken(token) }, select: { role: true, email: true, expiresAt: true, acceptedAt: true, tenant: { select: { name: true } } } });
  if (!invite) return null;
  return { tenantName: invite.tenant.name, role: invite.role, email: invite.email, usable: !invite.acceptedAt && invite.expiresAt > now };
}
