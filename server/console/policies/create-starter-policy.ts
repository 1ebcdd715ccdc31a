// A new tenant starts with the engine's default policy, so its first key can route at once.
import type { Prisma } from "../../db/generated/client";
import { toRuleRows } from "../../catalog/policy-snapshot";
import { DEFAULT_POLICY } from "../../routing/defaults";
import { policySnapshot } from "./policy-fields";

export async function createStarterPolicy(
  tx: Prisma.TransactionClient,
  tenantId: string,
  userId: string,
  options: { cacheTtlSeconds?: number } = {},
): Promise<{ id: string }> {
  const policy = await tx.routingPolicy.create({
    data: {
      tenantId,
      name: "default",
      description: "Cheapest model that meets each category's quality bar",
      isDefault: true,
      baselineModelSlug: DEFAULT_POLICY.baselineModelId,
      defaultCategory: DEFAULT_POLICY.defaultCategory,
      confidenceThreshold: DEFAULT_POLICY.confidenceThreshold,
      difficultyBarRaise: DEFAULT_POLICY.difficultyBarRaise,
      cacheTtlSeconds: options.cacheTtlSeconds ?? null,
      rules: { create: toRuleRows(DEFAULT_POLICY) },
    },
    include: { rules: true },
  });
  await tx.routingPolicyVersion.create({ data: { policyId: policy.id, version: 1, snapshot: policySnapshot(policy), createdById: userId } });
  return { id: policy.id };
}
