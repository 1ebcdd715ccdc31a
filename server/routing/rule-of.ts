import type { CategoryRule, RoutingPolicy } from "./types";

/**
 * The policy's rule for a category, or undefined. A category can be a caller's string (the
 * `x-switchyard-category` header, a feedback correction, a stored log row), and `rules` is a
 * plain object: `rules["constructor"]` would be Object's constructor, not a missing rule. Only
 * the policy's own keys count.
 */
export function ruleOf(policy: Pick<RoutingPolicy, "rules">, category: string): CategoryRule | undefined {
  return Object.hasOwn(policy.rules, category) ? policy.rules[category] : undefined;
}
