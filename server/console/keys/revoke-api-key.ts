import { invalidateKey } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function revokeApiKey(actor: TenantActor, id: string): Promise<void> {
  const key = await actor.db.apiKey.findFirst({ where: { id }, select: { id: true, hash: true, name: true, prefix: true, revokedAt: true } });
  if (!key) throw notFound("API key");
  if (key.revokedAt) return;
  await actor.db.$transaction(async (tx) => {
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "api_key.revoked", targetType: "api_key", targetId: id, details: { name: key.name, prefix: key.prefix } });
  });
  // The gateway caches keys by hash; dropping the entry makes the very next call see the revocation.
  await invalidateKey(actor.db, key.hash);
}
