// The tenant's audit trail, newest first, cursor-paginated by (createdAt, id).
import type { TenantActor } from "../actor";

export async function listAuditLog(actor: TenantActor, input: { cursor?: string | null; limit: number }) {
  const rows = await actor.db.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor && { cursor: { id: input.cursor }, skip: 1 }),
  });
  const page = rows.slice(0, input.limit);
  const actorIds = [...new Set(page.map((r) => r.actorUserId).filter((id): id is string => id !== null))];
  const keyIds = [...new Set(page.map((r) => r.actorApiKeyId).filter((id): id is string => id !== null))];
  const [users, keys] = await Promise.all([
    actor.rootDb.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }),
    // Changes made through the admin API name the admin key that made them.
    actor.db.apiKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true, prefix: true } }),
  ]);
  const keyLabel = (id: string | null) => {
    const key = keys.find((k) => k.id === id);
    return key ? `API key ${key.name} (${key.prefix})` : null;
  };
  return {
    items: page.map((r) => ({
      ...r,
      details: r.details as Record<string, unknown> | null,
      actorEmail: users.find((u) => u.id === r.actorUserId)?.email ?? null,
      actorKey: keyLabel(r.actorApiKeyId),
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
