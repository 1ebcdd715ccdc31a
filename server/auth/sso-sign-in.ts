// Who a single sign-on is, in Switchyard's terms. The identity provider vouches for an email;
// the account with that email is used (linked) when the provider says the email is verified,
// and a first sign-in is let in only where an organisation expects the person: their email's
// domain is mapped to one (SsoDomain), or an invite for that email is pending. No organisation is
// ever created here.
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { admitByInvite } from "../console/account/accept-invite";

export interface SsoClaims {
  email: string | null | undefined;
  emailVerified: boolean;
  name: string | null | undefined;
}

/** Why a sign-in was refused; the sign-in page says each in words. */
export type SsoRefusal = "SsoNoEmail" | "SsoEmailUnverified" | "SsoNotMapped";

export type SsoOutcome = { userId: string } | { refused: SsoRefusal };

export const SSO_REFUSAL_MESSAGES: Record<SsoRefusal, string> = {
  SsoNoEmail: "Your identity provider did not share your email address, so Switchyard cannot tell who you are. Ask its administrator to release the email claim.",
  SsoEmailUnverified: "Your identity provider has not verified your email address. Verify it there, then sign in again.",
  SsoNotMapped: "No organisation on Switchyard accepts single sign-on from your email domain, and no invite is waiting for you. Ask an admin to invite you, or to add your domain under Settings.",
};

const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1);

/** Joins the organisation that claims the email's domain, unless the person is a member already or an admin removed them. */
async function joinByDomain(tx: Prisma.TransactionClient, user: { id: string; email: string }, domain: string): Promise<void> {
  const mapping = await tx.ssoDomain.findUnique({ where: { domain } });
  if (!mapping) return;
  const member = await tx.membership.findUnique({ where: { userId_tenantId: { userId: user.id, tenantId: mapping.tenantId } }, select: { id: true } });
  // A removal is the admin's decision: the domain does not bring the person back (an invite does).
  const removed = await tx.auditLog.findFirst({ where: { tenantId: mapping.tenantId, action: "member.removed", targetType: "user", targetId: user.id }, select: { id: true } });
  if (member || removed) return;
  await tx.membership.create({ data: { tenantId: mapping.tenantId, userId: user.id, role: mapping.role } });
  await tx.auditLog.create({
    data: { tenantId: mapping.tenantId, actorUserId: user.id, action: "member.joined_by_domain", targetType: "user", targetId: user.id, details: { domain, role: mapping.role } },
  });
}

/** Accepts every pending invite for the email in an organisation the person is not in yet. */
async function joinByInvites(tx: Prisma.TransactionClient, user: { id: string; email: string }, now: Date): Promise<void> {
  const invites = await tx.invite.findMany({ where: { email: user.email, acceptedAt: null, expiresAt: { gt: now } }, orderBy: { createdAt: "asc" } });
  const joined = new Set((await tx.membership.findMany({ where: { userId: user.id }, select: { tenantId: true } })).map((m) => m.tenantId));
  for (const invite of invites) {
    if (joined.has(invite.tenantId)) continue;
    await admitByInvite(tx, user, invite, now);
    joined.add(invite.tenantId);
  }
}

export async function resolveSsoSignIn(db: Db, claims: SsoClaims, now: Date = new Date()): Promise<SsoOutcome> {
  const email = claims.email?.trim().toLowerCase();
  if (!email || !email.includes("@")) return { refused: "SsoNoEmail" };
  if (!claims.emailVerified) return { refused: "SsoEmailUnverified" };
  const domain = domainOf(email);
  return db.$transaction(async (tx) => {
    let user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true } });
    if (!user) {
      const expected = (await tx.ssoDomain.count({ where: { domain } })) > 0
        || (await tx.invite.count({ where: { email, acceptedAt: null, expiresAt: { gt: now } } })) > 0;
      if (!expected) return { refused: "SsoNotMapped" } as const;
      user = await tx.user.create({ data: { email, name: claims.name?.trim() || null, passwordHash: null }, select: { id: true, email: true } });
    }
    await joinByDomain(tx, user, domain);
    await joinByInvites(tx, user, now);
    // An account that belongs nowhere could only see an empty console.
    if ((await tx.membership.count({ where: { userId: user.id } })) === 0) return { refused: "SsoNotMapped" } as const;
    return { userId: user.id };
  });
}
