import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function setDefaultPolicy(actor: TenantActor, id: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const policy = await tx.routingPolicy.findFirst({ where: { id }, select: { name: true } });
    if (!policy) throw notFound("Policy");
    // The database allows one default per tenant, so the old one is cleared first.
    await tx.routingPolicy.updateMany({ where: { isDefault: true, NOT: { id } }, data: { isDefault: false } });
    await tx.routingPolicy.update({ where: { id }, data: { isDefault: true } });
    await recordAudit(tx, actor, { action: "policy.set_default", targetType: "policy", targetId: id, details: { name: policy.name } });
  });
  await invalidateTenant(actor.db, actor.tenantId);
}
