import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function removeProviderCredential(actor: TenantActor, provider: string): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const existing = await tx.providerCredential.findFirst({ where: { provider }, select: { id: true, secretHint: true } });
    if (!existing) throw notFound("Credential");
    await tx.providerCredential.delete({ where: { id: existing.id } });
    await recordAudit(tx, actor, { action: "provider_credential.removed", targetType: "provider_credential", targetId: existing.id, details: { provider, secretHint: existing.secretHint } });
  });
  await invalidateTenant(actor.db, actor.tenantId);
}
