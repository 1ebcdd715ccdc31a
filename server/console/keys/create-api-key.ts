// Issues a gateway key. The secret is returned to the caller once and never stored.
import { generateApiKeySecret } from "../../auth/api-key-secret";
import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";
import type { CreateApiKeyInput } from "../schemas/keys";
import { keySummarySelect, toKeySummary } from "./key-summary";
import { verifyKeyReferences } from "./verify-key-references";

export async function createApiKey(actor: TenantActor, input: CreateApiKeyInput) {
  await requireRoom(actor.db.apiKey.count({ where: { revokedAt: null } }), TENANT_LIMITS.activeApiKeys, "active API keys", "revoke one first");
  await verifyKeyReferences(actor, input.teamId, input.policyId);
  const issued = generateApiKeySecret();
  const row = await actor.db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { ...input, tenantId: actor.tenantId, prefix: issued.prefix, hash: issued.hash },
      select: keySummarySelect,
    });
    await recordAudit(tx, actor, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      details: { name: input.name, prefix: issued.prefix, teamId: input.teamId, policyId: input.policyId, scopes: input.scopes },
    });
    return created;
  });
  return { key: toKeySummary(row), secret: issued.secret };
}
