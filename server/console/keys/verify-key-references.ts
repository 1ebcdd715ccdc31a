// A key may only point at its own tenant's team and policy; foreign keys alone would accept
// another tenant's ids.
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";

export async function verifyKeyReferences(actor: TenantActor, teamId: string | null, policyId: string | null): Promise<void> {
  if (teamId && !(await actor.db.team.findFirst({ where: { id: teamId }, select: { id: true } }))) throw notFound("Team");
  if (policyId && !(await actor.db.routingPolicy.findFirst({ where: { id: policyId }, select: { id: true } }))) throw notFound("Policy");
}
