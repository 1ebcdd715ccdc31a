import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";
import type { PolicyFields } from "../schemas/policies";
import { policyColumns, policySnapshot, ruleRows } from "./policy-fields";
import { verifyPolicyModels } from "./verify-policy-models";

export async function createPolicy(actor: TenantActor, fields: PolicyFields): Promise<{ id: string }> {
  await requireRoom(actor.db.routingPolicy.count(), TENANT_LIMITS.policies, "routing policies", "change an existing one instead");
  const policy = await actor.db.$transaction(async (tx) => {
    await verifyPolicyModels(tx, fields);
    // A tenant's first policy becomes its default, so that keys without a policy can route.
    const isDefault = (await tx.routingPolicy.count({ where: { isDefault: true } })) === 0;
    const created = await tx.routingPolicy.create({
      data: { ...policyColumns(fields), tenantId: actor.tenantId, isDefault, version: 1, rules: { create: ruleRows(fields) } },
      include: { rules: true },
    });
    await tx.routingPolicyVersion.create({ data: { policyId: created.id, version: 1, snapshot: policySnapshot(created), createdById: actor.userId } });
    await recordAudit(tx, actor, { action: "policy.created", targetType: "policy", targetId: created.id, details: { name: fields.name, version: 1 } });
    return created;
  });
  await invalidateTenant(actor.db, actor.tenantId);
  return { id: policy.id };
}
