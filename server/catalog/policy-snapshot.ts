// Conversions between stored routing policies (policy row + one rule row per category) and
// the routing engine's RoutingPolicy.
import type { CategoryRule, CustomCategoryRule, RoutingPolicy } from "../routing/types";
import type { PolicyRule, Prisma, RoutingPolicy as PolicyRow } from "../db/generated/client";

export type PolicyWithRules = PolicyRow & { rules: PolicyRule[] };

export function toRoutingPolicy(row: PolicyWithRules): RoutingPolicy {
  const rules: Record<string, CategoryRule> = {};
  for (const rule of row.rules) {
    rules[rule.category] = {
      qualityBar: rule.qualityBar,
      allowedModels: rule.allowedModels.length ? rule.allowedModels : null,
      fallbackOrder: rule.fallbackOrder,
      maxCostUsd: rule.maxCostUsd === null ? null : Number(rule.maxCostUsd),
      latencyTargetMs: rule.latencyTargetMs,
      evaluationShare: rule.evaluationShare,
      judgeModel: rule.judgeModel,
    };
  }
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    baselineModelId: row.baselineModelSlug,
    defaultCategory: row.defaultCategory,
    confidenceThreshold: row.confidenceThreshold,
    difficultyBarRaise: row.difficultyBarRaise,
    rules,
    customCategories: row.customCategories as unknown as CustomCategoryRule[],
  };
}

export function toRuleRows(policy: RoutingPolicy): Omit<Prisma.PolicyRuleCreateManyInput, "policyId">[] {
  return Object.entries(policy.rules).map(([category, rule]) => ({
    category,
    qualityBar: rule.qualityBar,
    allowedModels: rule.allowedModels ?? [],
    fallbackOrder: rule.fallbackOrder,
    maxCostUsd: rule.maxCostUsd,
    latencyTargetMs: rule.latencyTargetMs,
    evaluationShare: rule.evaluationShare ?? 0,
    judgeModel: rule.judgeModel ?? null,
  }));
}
