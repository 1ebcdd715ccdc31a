// A stored version's snapshot read back as the console's editable fields, so an old version can
// be saved again. Snapshots are the engine's view of the policy (see policySnapshot); versions
// stored before a field existed lack it and meant the value the field now defaults to.
import { policyFieldsSchema, type PolicyFields } from "../schemas/policies";
import { editableCustomCategories } from "./policy-fields";
import { isRecord } from "../../is-record";

/** The fields as they were, or the problems that keep them from being a valid policy today. */
export function snapshotFields(snapshot: unknown): { ok: true; fields: PolicyFields } | { ok: false; problem: string } {
  if (!isRecord(snapshot) || !isRecord(snapshot.rules)) return { ok: false, problem: "the stored version is not a policy" };
  const rules = Object.entries(snapshot.rules).map(([category, raw]) => {
    const rule = isRecord(raw) ? raw : {};
    return {
      category,
      qualityBar: rule.qualityBar,
      // The engine's view says "any model" with null; the editable fields with an empty list.
      allowedModels: rule.allowedModels ?? [],
      fallbackOrder: rule.fallbackOrder ?? [],
      maxCostUsd: rule.maxCostUsd ?? null,
      latencyTargetMs: rule.latencyTargetMs ?? null,
      evaluationShare: rule.evaluationShare ?? 0,
      judgeModel: rule.judgeModel ?? null,
    };
  });
  const parsed = policyFieldsSchema.safeParse({
    name: snapshot.name,
    description: snapshot.description ?? null,
    baselineModelSlug: snapshot.baselineModelId,
    defaultCategory: snapshot.defaultCategory,
    confidenceThreshold: snapshot.confidenceThreshold,
    difficultyBarRaise: snapshot.difficultyBarRaise ?? 0,
    cacheTtlSeconds: snapshot.cacheTtlSeconds ?? null,
    storeBodiesMaxBytes: snapshot.storeBodiesMaxBytes ?? null,
    rules: rules.sort((a, b) => a.category.localeCompare(b.category)),
    customCategories: editableCustomCategories(snapshot.customCategories),
  });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join(".") || "policy"}: ${issue.message}` };
}
