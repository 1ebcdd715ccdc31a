import type { Db } from "../../db/client";

export async function listMyTenants(db: Db, userId: string) {
  const memberships = await db.membership.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { role: true, tenant: { select: { id: true, name: true } } } });
  return memberships.map((m) => ({ tenantId: m.tenant.id, name: m.tenant.name, role: m.role }));
}
