/**
 * Which model plays which role in the learned difficulty for a category under a policy: the
 * "cheaper" model is the one routing picks at the rule's bar (difficulty 0), the "better" one the
 * one it picks with the bar raised by the policy's full difficulty raise (difficulty 1). An outcome
 * of a served model (or of an evaluation's challenger) teaches the role that model has, if any.
 *
 * Pure: selection runs on a representative request size with every model healthy (roles describe
 * the policy, not a moment's outages), on the catalog as routing sees it with the tenant's profiles.
 */
import { applyProfiles, type ProfileBook, type ProfileOptions } from "../routing/learning/capability-profile";
import { estimateOutputTokens } from "../routing/route";
import { ruleOf } from "../routing/rule-of";
import { qualityCeiling, requiredQualityFor, selectModel } from "../routing/select-model";
import type { CatalogModel, RoutingPolicy } from "../routing/types";

export interface ModelRoles {
  cheaper: string | null;
  better: string | null;
}

/** A typical prompt's size: roles depend on it only through costs, which scale alike for most prices. */
const TYPICAL_INPUT_TOKENS = 500;

export function modelRolesFor(
  catalog: readonly CatalogModel[],
  policy: RoutingPolicy,
  category: string,
  now: Date,
  profiles?: { book: ProfileBook; options?: ProfileOptions },
): ModelRoles {
  const rule = ruleOf(policy, category);
  if (!rule) return { cheaper: null, better: null };
  const seen = profiles ? applyProfiles(catalog, category, profiles.book, profiles.options).catalog : catalog;
  const ceiling = qualityCeiling(seen, rule, category, now);
  const pick = (difficulty: number) =>
    selectModel({
      catalog: seen,
      rule,
      category,
      requiredQuality: requiredQualityFor(rule, policy.difficultyBarRaise * difficulty, ceiling),
      inputTokens: TYPICAL_INPUT_TOKENS,
      outputTokens: estimateOutputTokens(category, policy),
      unhealthy: {},
      now,
    }).model?.id ?? null;
  return { cheaper: pick(0), better: pick(1) };
}

/**
 * Roles per (policy, category), computed once each: the policy is the request's own (or the
 * tenant's default when it is gone).
 */
export function rolesLookup(
  catalog: readonly CatalogModel[],
  policiesById: ReadonlyMap<string, RoutingPolicy>,
  defaultPolicyId: string | null,
  now: Date,
  profiles?: { book: ProfileBook; options?: ProfileOptions },
): (policyId: string | null, category: string) => ModelRoles {
  const memo = new Map<string, ModelRoles>();
  return (policyId, category) => {
    const policy = (policyId !== null ? policiesById.get(policyId) : undefined) ?? (defaultPolicyId !== null ? policiesById.get(defaultPolicyId) : undefined);
    if (!policy) return { cheaper: null, better: null };
    const key = `${policy.id}\u0000${category}`;
    let roles = memo.get(key);
    if (!roles) memo.set(key, (roles = modelRolesFor(catalog, policy, category, now, profiles)));
    return roles;
  };
}
