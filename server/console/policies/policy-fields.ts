// Conversions between stored policies and the console's editable fields, and the snapshot
// stored with every version.
import type { Prisma } from "../../db/generated/client";
import { toCategoryRules, toRoutingPolicy, type PolicyWithRules } from "../../catalog/policy-snapshot";
import type { RoutingPolicy } from "../../routing/types";
import type { CustomCategoryInput, PolicyFields } from "../schemas/policies";
import { isRecord } from "../../is-record";

/**
 * Stored custom categories (a JSON column, and every version's snapshot) as editable fields.
 * Anything else a stored entry holds is left out; a saved entry is checked by the schema again.
 */
export function editableCustomCategories(stored: unknown): CustomCategoryInput[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(isRecord).map((category) => ({
    name: String(category.name ?? ""),
    keywords: Array.isArray(category.keywords) ? category.keywords.map(String) : [],
    metadata: isRecord(category.metadata) ? Object.fromEntries(Object.entries(category.metadata).map(([key, value]) => [key, String(value)])) : {},
  }));
}

export function toPolicyFields(row: PolicyWithRules): PolicyFields {
  return {
    name: row.name,
    description: row.description,
    baselineModelSlug: row.baselineModelSlug,
    defaultCategory: row.defaultCategory,
    confidenceThreshold: row.confidenceThreshold,
    difficultyBarRaise: row.difficultyBarRaise,
    cacheTtlSeconds: row.cacheTtlSeconds,
    storeBodiesMaxBytes: row.storeBodiesMaxBytes,
    rules: [...row.rules]
      .sort((a, b) => a.category.localeCompare(b.category))
      .map((r) => ({
        category: r.category,
        qualityBar: r.qualityBar,
        allowedModels: r.allowedModels,
        fallbackOrder: r.fallbackOrder,
        maxCostUsd: r.maxCostUsd === null ? null : Number(r.maxCostUsd),
        latencyTargetMs: r.latencyTargetMs,
        evaluationShare: r.evaluationShare,
        judgeModel: r.judgeModel,
      })),
    customCategories: editableCustomCategories(row.customCategories),
  };
}

/** The engine's view of a draft: the editable fields over the saved policy (output tokens per category are not edited here). */
export function draftRoutingPolicy(saved: RoutingPolicy, fields: PolicyFields): RoutingPolicy {
  return {
    ...saved,
    name: fields.name,
    baselineModelId: fields.baselineModelSlug,
    defaultCategory: fields.defaultCategory,
    confidenceThreshold: fields.confidenceThreshold,
    difficultyBarRaise: fields.difficultyBarRaise,
    rules: toCategoryRules(fields.rules),
    customCategories: fields.customCategories,
  };
}

export function policyColumns(fields: PolicyFields) {
  const { rules: _rules, ...columns } = fields;
  return columns;
}

export function ruleRows(fields: PolicyFields): Omit<Prisma.PolicyRuleCreateManyInput, "policyId">[] {
  return fields.rules.map((rule) => ({ ...rule }));
}

/** What a version stores: the engine's view of the policy plus the console-only settings. */
export function policySnapshot(row: PolicyWithRules): Prisma.InputJsonValue {
  const snapshot = { ...toRoutingPolicy(row), description: row.description, cacheTtlSeconds: row.cacheTtlSeconds, storeBodiesMaxBytes: row.storeBodiesMaxBytes };
  return JSON.parse(JSON.stringify(snapshot)) as Prisma.InputJsonValue;
}
