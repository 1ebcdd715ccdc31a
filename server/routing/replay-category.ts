import type { RoutingPolicy } from "./types";
import { ruleOf } from "./rule-of";

/** What a recorded request's log row says about how its category was decided. */
export interface RecordedCategory {
  category: string;
  categorySource: string | null;
  forcedCategory: string | null;
  classifierCategory: string | null;
  classifierConfidence: number | null;
}

/**
 * The category route() would give a recorded request under another policy, from what the log
 * row kept (no prompt text): a forced category when the policy has a rule for it; a custom-rule or
 * learned category when the policy still has a rule for it (their matching is not replayed);
 * otherwise the classifier's own category, or the policy's default category below its confidence
 * threshold or without a rule. Rows from before the classifier's guess was recorded keep their
 * category while the policy has a rule for it (a default one goes to the policy's default).
 */
export function replayCategory(row: RecordedCategory, policy: RoutingPolicy): string {
  if (row.forcedCategory !== null && ruleOf(policy, row.forcedCategory)) return row.forcedCategory;
  // Recorded before the classifier's guess was kept: the recorded category stands while the policy has a rule for it.
  if (row.classifierCategory === null || row.classifierConfidence === null) {
    return row.categorySource !== "default" && ruleOf(policy, row.category) ? row.category : policy.defaultCategory;
  }
  if ((row.categorySource === "rule" || row.categorySource === "learned") && ruleOf(policy, row.category)) return row.category;
  if (row.classifierConfidence < policy.confidenceThreshold || !ruleOf(policy, row.classifierCategory)) return policy.defaultCategory;
  return row.classifierCategory;
}
