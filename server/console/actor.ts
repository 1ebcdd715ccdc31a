// Who is acting and on which tenant: built once per call by the tRPC tenant procedure (or by
// the admin API for an admin key) and handed to every console service. `db` is already scoped
// to the tenant (forTenant).
import type { Db } from "../db/client";
import { forTenant, type TenantDb } from "../db/tenant-scope";
import type { Role } from "./schemas/roles";

export interface TenantActor {
  db: TenantDb;
  /** Unscoped client, for the few reads that are not tenant data (users by id). */
  rootDb: Db;
  tenantId: string;
  /** The signed-in member; null when an admin API key acts (apiKeyId then names it). */
  userId: string | null;
  /** The admin API key acting, recorded as the actor of its audit entries. */
  apiKeyId?: string;
  role: Role;
}

/** A signed-in member acting on the tenant of their membership. */
export function memberActor(db: Db, userId: string, membership: { tenantId: string; role: Role }): TenantActor {
  return { db: forTenant(db, membership.tenantId), rootDb: db, tenantId: membership.tenantId, userId, role: membership.role };
}
