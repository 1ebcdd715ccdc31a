import type { TenantActor } from "../actor";

export async function listMembers(actor: TenantActor, now = new Date()) {
  const [memberships, invites] = await Promise.all([
    actor.db.membership.findMany({ orderBy: { createdAt: "asc" }, select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } }),
    actor.db.invite.findMany({
      where: { acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return {
    members: memberships.map((m) => ({ userId: m.user.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt, isYou: m.user.id === actor.userId })),
    invites,
  };
}
