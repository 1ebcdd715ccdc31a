/**
 * Which model answers a sampled request a second time, to be judged against the served answer.
 * Only models the rule could route to are eligible (enabled, not retired, allowed by the rule,
 * priced), so that a verdict teaches something routing can act on. Two challengers are useful:
 * the next cheaper model (could we have saved?) and the next better one (should we have paid
 * more?). They take turns by a hash of the request id, so a tenant's evaluations cover both
 * questions evenly and the same request always gets the same challenger.
 */
import { fnv1a } from "../../routing/training/metrics";
import type { CatalogModel, CategoryRule } from "../../routing/types";

export interface ChallengerInput {
  served: CatalogModel;
  /** The catalog with the tenant's usable profiles applied, so "better" means what routing believes. */
  catalog: readonly CatalogModel[];
  rule: Pick<CategoryRule, "allowedModels">;
  category: string;
  requestId: string;
  now: Date;
  /** The request's estimated tokens: "cheaper" compares what this request would cost. */
  inputTokens: number;
  outputTokens: number;
}

export type ChallengerRole = "cheaper" | "better";

export interface Challenger {
  model: CatalogModel;
  role: ChallengerRole;
}

function isEligible(m: CatalogModel, rule: ChallengerInput["rule"], now: Date): boolean {
  if (!m.enabled) return false;
  if (m.deprecatedAt !== null && !(now.getTime() < Date.parse(m.deprecatedAt))) return false;
  if (rule.allowedModels !== null && !rule.allowedModels.includes(m.id)) return false;
  return m.inputPricePerMTok !== null && m.outputPricePerMTok !== null;
}

function costOf(m: CatalogModel, inputTokens: number, outputTokens: number): number {
  return (inputTokens * (m.inputPricePerMTok ?? 0) + outputTokens * (m.outputPricePerMTok ?? 0)) / 1_000_000;
}

/** The role whose turn it is for this request: even hashes ask for the cheaper model. */
export function turnOf(requestId: string): ChallengerRole {
  return (fnv1a(requestId) >>> 0) % 2 === 0 ? "cheaper" : "better";
}

export function pickChallenger(input: ChallengerInput): Challenger | null {
  const { served, category, now, inputTokens, outputTokens } = input;
  const servedCost = costOf(served, inputTokens, outputTokens);
  const servedQuality = served.quality[category] ?? null;
  let cheaper: { model: CatalogModel; cost: number } | null = null;
  let better: { model: CatalogModel; quality: number } | null = null;
  for (const m of input.catalog) {
    if (m.id === served.id || !isEligible(m, input.rule, now)) continue;
    const cost = costOf(m, inputTokens, outputTokens);
    // The next cheaper: the dearest of those that cost less (ties by id, for a stable pick).
    if (cost < servedCost && (!cheaper || cost > cheaper.cost || (cost === cheaper.cost && m.id < cheaper.model.id))) cheaper = { model: m, cost };
    const q = m.quality[category];
    if (q === null || q === undefined) continue;
    // The next better: the weakest of those above the served model (any known figure beats an unknown one).
    const above = servedQuality === null || q > servedQuality;
    if (above && (!better || q < better.quality || (q === better.quality && m.id < better.model.id))) better = { model: m, quality: q };
  }
  const turn = turnOf(input.requestId);
  const first = turn === "cheaper" ? cheaper : better;
  if (first) return { model: first.model, role: turn };
  if (cheaper) return { model: cheaper.model, role: "cheaper" };
  if (better) return { model: better.model, role: "better" };
  return null;
}
