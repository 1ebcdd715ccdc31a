// Rules around the owner role: only owners grant or take it, and a tenant keeps at least one.
import type { TenantActor } from "../actor";
import { conflict, forbidden } from "../console-error";
import type { Role } from "../schemas/roles";

export function assertMayAssign(actor: TenantActor, role: Role): void {
  if (role === "owner" && actor.role !== "owner") throw forbidden("Only an owner can make someone an owner");
}

export async function assertMayChange(actor: TenantActor, target: { role: Role }): Promise<void> {
  if (target.role !== "owner") return;
  if (actor.role !== "owner") throw forbidden("Only an owner can change an owner");
  if ((await actor.db.membership.count({ where: { role: "owner" } })) <= 1) throw conflict("The organisation needs at least one owner");
}
