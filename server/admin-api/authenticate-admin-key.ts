// Who calls the admin API: a live admin key of some tenant (`Authorization: Bearer sy_...`),
// acting with the console role its scope grants, on its own tenant only.
import { forTenant } from "../db/tenant-scope";
import type { Db } from "../db/client";
import type { TenantActor } from "../console/actor";
import { ConsoleError, forbidden } from "../console/console-error";
import { ADMIN_SCOPE_ROLES } from "../console/schemas/keys";
import { hasRole, type Role } from "../console/schemas/roles";
import { identifyKey } from "../gateway/authenticate-key";
import { GatewayError } from "../gateway/gateway-error";
import type { GatewayKey } from "../gateway/config-cache";

export const ADMIN_SCOPE = "admin";

/** The role of the key's admin scope (ADMIN_SCOPE_ROLES lists the higher one first); null without one. */
export function adminKeyRole(scopes: readonly string[]): Role | null {
  const scope = Object.keys(ADMIN_SCOPE_ROLES).find((s) => scopes.includes(s)) as keyof typeof ADMIN_SCOPE_ROLES | undefined;
  return scope ? ADMIN_SCOPE_ROLES[scope] : null;
}

export async function authenticateAdminKey(db: Db, headers: Headers, now: Date): Promise<{ key: GatewayKey; actor: TenantActor }> {
  const key = await identifyKey(db, headers, now).catch((error: unknown) => {
    // The gateway's refusals (missing, unknown, revoked or expired key) carry its status; here they are 401s.
    throw error instanceof GatewayError ? new ConsoleError("unauthenticated", error.message) : error;
  });
  const role = adminKeyRole(key.scopes);
  if (!role) throw forbidden(`This API key lacks the '${ADMIN_SCOPE}' scope`);
  return { key, actor: { db: forTenant(db, key.tenantId), rootDb: db, tenantId: key.tenantId, userId: null, apiKeyId: key.id, role } };
}

/** The console's role gate, for a key. */
export function requireRole(actor: TenantActor, atLeast: Role): void {
  if (!hasRole(actor.role, atLeast)) {
    throw forbidden(`This needs the ${atLeast} role or higher (this key acts as ${actor.role})`);
  }
}
