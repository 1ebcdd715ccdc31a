import type { RoutingPolicy } from "./types";

/** What a recorded request's log row says about how its category was decided. */
export interface RecordedCategory {
  category: string;
  categorySource: string | null;
  /** The final category's confidence (the classifier's own for classifier and default categories). */
  confidence: number | null;
  forcedCategory: string | null;
  classifierCategory: string | null;
  classifierConfidence: number | null;
}

/**
 * The category route() would give a recorded request under another policy, from what the log
 * row kept (no prompt text): a forced category when the policy has a rule for it; a custom-rule or
 * learned category when the policy still has a rule for it (their matching is not replayed);
 * otherwise the classifier's own category, or the policy's default category below its confidence
 * threshold or without a rule. Rows from before the classifier's guess was recorded keep a
 * classifier category as recorded and send a default one to the policy's default.
 */
export function replayCategory(row: RecordedCategory, policy: RoutingPolicy): string {
  if (row.forcedCategory !== null && policy.rules[row.forcedCategory]) return row.forcedCategory;
  const kept = row.categorySource === "rule" || row.categorySource === "learned" || (row.categorySource === "forced" && row.forcedCategory === null);
  if (kept && policy.rules[row.category]) return row.category;
  const recorded = row.classifierCategory === null && row.categorySource === "classifier";
  const category = recorded ? row.category : row.classifierCategory;
  const confidence = recorded ? row.confidence : row.classifierConfidence;
  if (category === null || confidence === null || confidence < policy.confidenceThreshold || !policy.rules[category]) return policy.defaultCategory;
  return category;
}
