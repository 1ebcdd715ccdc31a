// Roles and their order, shared by the server's role gates and the console's hidden controls.
import { z } from "zod";

export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

const RANK: Record<Role, number> = { viewer: 0, member: 1, admin: 2, owner: 3 };

/** viewer reads; member also uses the tester; admin manages configuration; owner also the tenant. */
export function hasRole(role: Role, atLeast: Role): boolean {
  return RANK[role] >= RANK[atLeast];
}
