// Saving a policy replaces its rules, bumps its version and stores the version's snapshot.
import { Prisma } from "../../db/generated/client";
import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { conflict, notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import type { PolicyFields } from "../schemas/policies";
import { diffPolicySnapshots } from "./diff-policy-snapshots";
import { policyColumns, policySnapshot, ruleRows } from "./policy-fields";
import { verifyPolicyModels } from "./verify-policy-models";
import type { VersionWhatIf } from "./what-if-summary";

/** How the save is audited: an edit, or a restore naming the version it brought back. */
export interface SaveKind {
  action: "policy.updated" | "policy.restored";
  details?: Record<string, string | number>;
}

export async function updatePolicy(
  actor: TenantActor, id: string, expectedVersion: number, fields: PolicyFields,
  kind: SaveKind = { action: "policy.updated" }, whatIf: VersionWhatIf | null = null,
): Promise<{ version: number }> {
  const saved = await actor.db.$transaction(async (tx) => {
    const current = await tx.routingPolicy.findFirst({ where: { id }, include: { rules: true } });
    if (!current) throw notFound("Policy");
    if (current.version !== expectedVersion) {
      throw conflict(`Someone saved version ${current.version} since you opened version ${expectedVersion}; reload to see it`);
    }
    await verifyPolicyModels(tx, fields);
    const version = current.version + 1;
    await tx.policyRule.deleteMany({ where: { policyId: id } });
    const updated = await tx.routingPolicy.update({
      where: { id },
      data: { ...policyColumns(fields), version, rules: { create: ruleRows(fields) } },
      include: { rules: true },
    });
    const snapshot = policySnapshot(updated);
    await tx.routingPolicyVersion.create({ data: { policyId: id, version, snapshot, createdById: actor.userId, whatIf: whatIf ?? Prisma.DbNull } });
    // Before and after of each changed field, so the audit log shows the diff against the previous version.
    const changes = diffPolicySnapshots(policySnapshot(current), snapshot);
    await recordAudit(tx, actor, {
      action: kind.action, targetType: "policy", targetId: id,
      details: { name: fields.name, version, changes: changes as unknown as Prisma.InputJsonValue, ...kind.details },
    });
    return updated;
  });
  await invalidateTenant(actor.db, actor.tenantId);
  return { version: saved.version };
}
