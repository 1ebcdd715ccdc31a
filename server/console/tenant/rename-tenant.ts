import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";

/** Tenant is not tenant-owned data, so it is addressed by the actor's tenant id, never by input. */
export async function renameTenant(actor: TenantActor, name: string): Promise<void> {
  await actor.rootDb.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { name: true } });
    await tx.tenant.update({ where: { id: actor.tenantId }, data: { name } });
    await recordAudit(tx, actor, { action: "tenant.renamed", targetType: "tenant", targetId: actor.tenantId, details: { from: before.name, to: name } });
  });
}
