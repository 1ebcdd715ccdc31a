// Changes a key's monthly budget and per-minute limits in place: the secret stays the same,
// so applications keep working while the limits change.
import { invalidateKey } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import type { UpdateApiKeyLimitsInput } from "../schemas/keys";
import { keySummarySelect, toKeySummary } from "./key-summary";

export async function updateApiKeyLimits(actor: TenantActor, id: string, input: UpdateApiKeyLimitsInput) {
  const key = await actor.db.apiKey.findFirst({ where: { id }, select: { hash: true, name: true, monthlyBudgetUsd: true, rpmLimit: true, tpmLimit: true } });
  if (!key) throw notFound("API key");
  const row = await actor.db.$transaction(async (tx) => {
    const updated = await tx.apiKey.update({ where: { id }, data: input, select: keySummarySelect });
    await recordAudit(tx, actor, {
      action: "api_key.limits_updated",
      targetType: "api_key",
      targetId: id,
      details: {
        name: key.name,
        from: { monthlyBudgetUsd: key.monthlyBudgetUsd === null ? null : Number(key.monthlyBudgetUsd), rpmLimit: key.rpmLimit, tpmLimit: key.tpmLimit },
        to: input,
      },
    });
    return updated;
  });
  // The gateway caches each key's limits; dropping the entry makes the next request use the new ones.
  await invalidateKey(actor.db, key.hash);
  return toKeySummary(row);
}
