// The per-request context of the console API: the session's user and the preferred tenant
// (cookie), resolved once per HTTP request. Tenant membership is checked by the tenant
// procedure, memoised here so a batch of calls looks it up once.
import { getDb, type Db } from "../db/client";
import { sessionUserId } from "../auth/session-user-id";
import { CURRENT_TENANT_COOKIE, resolveCurrentMembership, type CurrentMembership } from "../auth/current-tenant";
import { clientAddressOf } from "../auth/client-address";
import { env } from "../env";

export interface ConsoleContext {
  db: Db;
  userId: string | null;
  preferredTenantId: string | null;
  /** The caller's address, as trusted proxies report it (server/auth/client-address.ts), for per-client limits. */
  clientAddress: string;
  membership: () => Promise<CurrentMembership | null>;
  /** Lets a procedure remember the chosen tenant in the browser. */
  setTenantCookie: (tenantId: string) => void;
}

export function createConsoleContext(options: {
  db: Db;
  userId: string | null;
  preferredTenantId?: string | null;
  clientAddress?: string;
  setTenantCookie?: (tenantId: string) => void;
}): ConsoleContext {
  let membership: Promise<CurrentMembership | null> | undefined;
  const preferredTenantId = options.preferredTenantId ?? null;
  return {
    db: options.db,
    userId: options.userId,
    preferredTenantId,
    clientAddress: options.clientAddress ?? "unknown",
    membership: () => {
      if (!options.userId) return Promise.resolve(null);
      membership ??= resolveCurrentMembership(options.db, options.userId, preferredTenantId);
      return membership;
    },
    setTenantCookie: options.setTenantCookie ?? (() => {}),
  };
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of header?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export async function createFetchContext({ req, resHeaders }: { req: Request; resHeaders: Headers }): Promise<ConsoleContext> {
  return createConsoleContext({
    db: getDb(),
    userId: await sessionUserId(),
    preferredTenantId: readCookie(req.headers.get("cookie"), CURRENT_TENANT_COOKIE),
    clientAddress: clientAddressOf(req.headers, env.SWITCHYARD_TRUSTED_PROXIES),
    setTenantCookie: (tenantId) =>
      resHeaders.append("set-cookie", `${CURRENT_TENANT_COOKIE}=${encodeURIComponent(tenantId)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000`),
  });
}
