// The tenant a signed-in user is working in: the one named by the tenant cookie when the user
// is a member of it, else their oldest membership. The cookie is only a preference; the
// membership row is what grants access.
import type { Db } from "../db/client";
import type { Role } from "../console/schemas/roles";

export const CURRENT_TENANT_COOKIE = "sy_tenant";

export interface CurrentMembership {
  tenantId: string;
  tenantName: string;
  role: Role;
}

export async function resolveCurrentMembership(db: Db, userId: string, preferredTenantId: string | null): Promise<CurrentMembership | null> {
  const select = { role: true, tenant: { select: { id: true, name: true } } } as const;
  const preferred = preferredTenantId
    ? await db.membership.findUnique({ where: { userId_tenantId: { userId, tenantId: preferredTenantId } }, select })
    : null;
  const membership = preferred ?? (await db.membership.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select }));
  return membership && { tenantId: membership.tenant.id, tenantName: membership.tenant.name, role: membership.role };
}
