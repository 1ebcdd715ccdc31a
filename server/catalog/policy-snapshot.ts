// Conversions between stored routing policies (policy row + one rule row per category) and
// the routing engine's RoutingPolicy.
import type { CategoryRule, CustomCategoryRule, RoutingPolicy } from "../routing/types";
import type { PolicyRule, Prisma, RoutingPolicy as PolicyRow } from "../db/generated/client";

export type PolicyWithRules = PolicyRow & { rules: PolicyRule[] };

/** A rule as stored, or as the console edits it (its cap as a plain number). */
type StoredRule = Pick<PolicyRule, "category" | "qualityBar" | "allowedModels" | "fallbackOrder" | "latencyTargetMs" | "evaluationShare" | "judgeModel"> & {
  maxCostUsd: PolicyRule["maxCostUsd"] | number;
};

/** The engine's rules by category; an empty allowed list means every model. */
export function toCategoryRules(rows: readonly StoredRule[]): Record<string, CategoryRule> {
  const rules: Record<string, CategoryRule> = {};
  for (const rule of rows) {
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
  return rules;
}

export function toRoutingPolicy(row: PolicyWithRules): RoutingPolicy {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    baselineModelId: row.baselineModelSlug,
    defaultCategory: row.defaultCategory,
    confidenceThreshold: row.confidenceThreshold,
    difficultyBarRaise: row.difficultyBarRaise,
    rules: toCategoryRules(row.rules),
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
