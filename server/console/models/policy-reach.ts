// Which policies can route to a model. A rule with an empty allowed list allows every model of
// the catalog, so a policy with such a rule can send traffic to a model it never names; a
// deprecation or a disabled model affects it as much as one that lists the model.

export interface PolicyForReach {
  id: string;
  name: string;
  baselineModelSlug: string;
  rules: { category: string; allowedModels: string[]; fallbackOrder: string[] }[];
}

export interface PolicyReach {
  id: string;
  name: string;
  /** The policy names the model: as its baseline, in an allowed list or in a fallback order. */
  named: boolean;
  /** Categories whose rule allows any model (empty allowed list), sorted; these reach it unnamed. */
  anyModelCategories: string[];
}

export function policiesReaching(slug: string, policies: readonly PolicyForReach[]): PolicyReach[] {
  const out: PolicyReach[] = [];
  for (const p of policies) {
    const named = p.baselineModelSlug === slug || p.rules.some((r) => r.allowedModels.includes(slug) || r.fallbackOrder.includes(slug));
    const anyModelCategories = p.rules.filter((r) => r.allowedModels.length === 0).map((r) => r.category).sort();
    if (named || anyModelCategories.length > 0) out.push({ id: p.id, name: p.name, named, anyModelCategories });
  }
  return out;
}

/** "default" when the policy names the model, "default (any model in coding, math)" when it only allows it. */
export function describeReach(reach: PolicyReach): string {
  return reach.named ? reach.name : `${reach.name} (any model in ${reach.anyModelCategories.join(", ")})`;
}
