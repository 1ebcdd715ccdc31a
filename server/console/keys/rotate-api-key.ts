// Rotation issues a new key with the same settings and revokes the old one in one transaction.
import { generateApiKeySecret } from "../../auth/api-key-secret";
import { invalidateKey } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { invalid, notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import { keyStatus } from "../../auth/key-status";
import { keySummarySelect, toKeySummary } from "./key-summary";

export async function rotateApiKey(actor: TenantActor, id: string) {
  const old = await actor.db.apiKey.findFirst({ where: { id } });
  if (!old) throw notFound("API key");
  if (old.revokedAt) throw invalid("A revoked key cannot be rotated");
  // Its successor would inherit the expiry and be refused from the start.
  if (keyStatus(old, new Date()) === "expired") throw invalid("An expired key cannot be rotated; issue a new key instead");
  const issued = generateApiKeySecret();
  const row = await actor.db.$transaction(async (tx) => {
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    const created = await tx.apiKey.create({
      data: {
        tenantId: actor.tenantId,
        name: old.name,
        teamId: old.teamId,
        policyId: old.policyId,
        scopes: old.scopes,
        monthlyBudgetUsd: old.monthlyBudgetUsd,
        rpmLimit: old.rpmLimit,
        tpmLimit: old.tpmLimit,
        expiresAt: old.expiresAt,
        prefix: issued.prefix,
        hash: issued.hash,
      },
      select: keySummarySelect,
    });
    await recordAudit(tx, actor, {
      action: "api_key.rotated",
      targetType: "api_key",
      targetId: created.id,
      details: { name: old.name, previousKeyId: old.id, previousPrefix: old.prefix, prefix: issued.prefix },
    });
    return created;
  });
  await invalidateKey(actor.db, old.hash);
  return { key: toKeySummary(row), secret: issued.secret };
}
