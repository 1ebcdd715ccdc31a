// For server components: the signed-in user and their current tenant membership, resolved
// once per request (React cache) from the session and the tenant cookie.
import { cache } from "react";
import { cookies } from "next/headers";
import { getDb } from "../db/client";
import { sessionUserId } from "./session-user-id";
import { CURRENT_TENANT_COOKIE, resolveCurrentMembership, type CurrentMembership } from "./current-tenant";

export const currentConsoleMember = cache(async (): Promise<{ userId: string; membership: CurrentMembership | null } | null> => {
  const userId = await sessionUserId();
  if (!userId) return null;
  const preferred = (await cookies()).get(CURRENT_TENANT_COOKIE)?.value ?? null;
  return { userId, membership: await resolveCurrentMembership(getDb(), userId, preferred) };
});
