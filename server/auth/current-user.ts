// The signed-in user and the tenants they belong to, for server components.
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { getDb } from "../db/client";

export async function currentUserWithTenants() {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  return getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, memberships: { select: { role: true, tenant: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } } },
  });
}
