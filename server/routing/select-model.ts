import { estimateCost } from "./estimate-cost";
import { explainNoUsableModel } from "./explain-decision";
import { isChatModel } from "./model-kind";
import type { CandidateExplanation, CatalogModel, CategoryRule, RoutingError } from "./types";

export interface SelectionInput {
  catalog: readonly CatalogModel[];
  rule: CategoryRule;
  category: string;
  requiredQuality: number;
  inputTokens: number;
  outputTokens: number;
  unhealthy: Record<string, string>;
  now: Date;
  /** The request asks for JSON following a schema (RouteRequest.needsStructuredOutput). */
  needsStructuredOutput?: boolean;
}

export interface Selection {
  model: CatalogModel | null;
  fallbacks: CatalogModel[];
  degraded: boolean;
  error: RoutingError | null;
  /** The models the rule allows (all of them without an allowed list), each with its status and reason. */
  candidates: CandidateExplanation[];
  /** Catalog models left out of `candidates` because the rule's allowed list excludes them. */
  modelsNotAllowed: number;
  /** Why the chosen model won, e.g. "cheapest meeting bar 74.3". */
  choiceReason: string;
}

/** What the orderings read of a candidate: its model, expected cost (null: unpriced) and quality (null: unknown). */
export interface Ranked {
  model: CatalogModel;
  cost: number | null;
  quality: number | null;
}

interface Assessed extends Ranked {
  costNote: string | null;
  /** Reason the model cannot be used at all (disabled, deprecated, unhealthy, structured outputs, context, max cost). */
  hardSkip: string | null;
  /** Reason it misses the quality bar (only when not hard-skipped). */
  barSkip: string | null;
}

const fmtUsd = (x: number): string => `$${x < 0.01 ? x.toFixed(5) : x.toFixed(4)}`;
const fmtQ = (x: number): string => (Math.round(x * 10) / 10).toFixed(1);

/** The skip reason of a model that cannot answer in JSON following the caller's schema. */
export const CANNOT_FOLLOW_SCHEMA = "cannot follow a JSON schema (structured outputs)";

const isRetired = (m: CatalogModel, now: Date): boolean => m.deprecatedAt !== null && !(now.getTime() < Date.parse(m.deprecatedAt));

/** Whether the rule's allowed list (if it has one) names the model. */
const ruleAllows = (rule: CategoryRule, modelId: string): boolean => rule.allowedModels === null || rule.allowedModels.includes(modelId);

/** Whether a rule may use a model at all at this instant: a chat model, enabled, not retired, allowed (health, context and cost aside). */
export function inRule(m: CatalogModel, rule: CategoryRule, now: Date): boolean {
  return isChatModel(m) && m.enabled && !isRetired(m, now) && ruleAllows(rule, m.id);
}

/**
 * The best quality the catalog offers for a category under a rule (enabled, not retired, allowed
 * models; health, context and cost aside), or null when no such model has a known score.
 * Difficulty raises a rule's bar up to this ceiling and no further: the hardest prompts then get
 * the best model the policy allows without being reported as degraded, while a best model that is
 * merely unhealthy or too small still leaves the request degraded.
 */
export function qualityCeiling(catalog: readonly CatalogModel[], rule: CategoryRule, category: string, now: Date): number | null {
  let best: number | null = null;
  for (const m of catalog) {
    const q = m.quality[category];
    if (q === null || q === undefined || !inRule(m, rule, now)) continue;
    if (best === null || q > best) best = q;
  }
  return best;
}

/** The quality a request must meet: the rule's bar raised by difficulty, capped at the catalog's best (never below the bar). */
export function requiredQualityFor(rule: CategoryRule, difficultyRaise: number, ceiling: number | null): number {
  const raised = rule.qualityBar + difficultyRaise;
  return ceiling === null ? raised : Math.max(rule.qualityBar, Math.min(raised, ceiling));
}

function assess(m: CatalogModel, s: SelectionInput): Assessed {
  const est = estimateCost(m, s.inputTokens, s.outputTokens);
  const cost = est.priced ? est.usd : null;
  const costNote = est.priced ? null : est.reason;
  const q = m.quality[s.category];
  const quality = q === undefined ? null : q;
  let hardSkip: string | null = null;
  const totalTokens = s.inputTokens + s.outputTokens;
  if (!isChatModel(m)) hardSkip = "an embedding model";
  else if (!m.enabled) hardSkip = "disabled";
  else if (isRetired(m, s.now))
    hardSkip = `deprecated since ${m.deprecatedAt}${m.replacementModelId ? ` (replacement: ${m.replacementModelId})` : ""}`;
  else if (s.unhealthy[m.id] !== undefined) hardSkip = `unhealthy: ${s.unhealthy[m.id]}`;
  else if (s.needsStructuredOutput && m.structuredOutputs === false) hardSkip = CANNOT_FOLLOW_SCHEMA;
  else if (m.contextWindow < totalTokens)
    hardSkip = `context window ${m.contextWindow} < ${totalTokens} estimated tokens`;
  else if (s.rule.maxCostUsd !== null && cost === null) hardSkip = `cannot check max cost ${fmtUsd(s.rule.maxCostUsd)}: ${costNote}`;
  else if (s.rule.maxCostUsd !== null && cost !== null && cost > s.rule.maxCostUsd)
    hardSkip = `expected cost ${fmtUsd(cost)} over max ${fmtUsd(s.rule.maxCostUsd)}`;
  let barSkip: string | null = null;
  if (hardSkip === null) {
    if (quality === null) barSkip = `quality for ${s.category} unknown, cannot meet bar ${fmtQ(s.requiredQuality)}`;
    else if (quality < s.requiredQuality) barSkip = `quality ${fmtQ(quality)} below bar ${fmtQ(s.requiredQuality)}`;
  }
  return { model: m, cost, costNote, quality, hardSkip, barSkip };
}

/** Cheapest first; unpriced after priced; then lower latency (unknown last); then id. */
export function byCost(a: Ranked, b: Ranked): number {
  if (a.cost !== null && b.cost !== null && a.cost !== b.cost) return a.cost - b.cost;
  if ((a.cost === null) !== (b.cost === null)) return a.cost === null ? 1 : -1;
  const la = a.model.latencyMs ?? Infinity;
  const lb = b.model.latencyMs ?? Infinity;
  if (la !== lb) return la < lb ? -1 : 1;
  return a.model.id < b.model.id ? -1 : a.model.id > b.model.id ? 1 : 0;
}

/** Best quality first (unknown last), then cheapest. */
export function byQuality(a: Ranked, b: Ranked): number {
  const qa = a.quality ?? -Infinity;
  const qb = b.quality ?? -Infinity;
  if (qa !== qb) return qb > qa ? 1 : -1;
  return byCost(a, b);
}

function orderFallbacks(rest: Assessed[], fallbackOrder: readonly string[]): Assessed[] {
  const preferred = fallbackOrder
    .map((id) => rest.find((r) => r.model.id === id))
    .filter((r): r is Assessed => r !== undefined);
  return [...new Set([...preferred, ...rest])];
}

/** Every model the rule allows (in the catalog or not) with its reason; the others counted. */
function noUsableModelMessage(assessed: readonly Assessed[], notAllowed: number, s: SelectionInput): string {
  const notInCatalog = [...new Set(s.rule.allowedModels)].filter((id) => !s.catalog.some((m) => m.id === id));
  // Called only when no model is usable, so every one in the rule has a hard skip.
  const excluded = assessed.map((a) => ({ modelId: a.model.id, reason: a.hardSkip ?? "not usable" }));
  return explainNoUsableModel(s.category, excluded, notInCatalog, notAllowed);
}

/**
 * Pick the model: among usable models meeting the bar, the lowest expected cost (ties: latency).
 * When only one model qualifies, the best priced usable model below the bar is its fallback.
 * If none meets the bar, the best-quality usable model, flagged degraded. If none is usable,
 * no model and a `no_model_available` error.
 */
export function selectModel(s: SelectionInput): Selection {
  // Models the rule's allowed list excludes are only counted: listed one by one, they made up most
  // of every stored explanation of a tenant that allows a few models of a large catalog.
  const assessed: Assessed[] = [];
  for (const m of s.catalog) if (ruleAllows(s.rule, m.id)) assessed.push(assess(m, s));
  const modelsNotAllowed = s.catalog.length - assessed.length;
  const qualifying = assessed.filter((a) => a.hardSkip === null && a.barSkip === null).sort(byCost);
  const usable = assessed.filter((a) => a.hardSkip === null);
  let chosen: Assessed | null = null;
  let fallbacks: Assessed[] = [];
  let degraded = false;
  let choiceReason = "";
  if (qualifying.length > 0) {
    chosen = qualifying[0]!;
    fallbacks = orderFallbacks(qualifying.slice(1), s.rule.fallbackOrder);
    // A plan of one model would turn its first outage into the caller's error: the best priced
    // model below the bar stands behind it (priced, so that budget holds stay exact).
    if (fallbacks.length === 0) {
      const lastResort = usable.filter((a) => a.barSkip !== null && a.cost !== null).sort(byQuality)[0];
      if (lastResort) fallbacks = [lastResort];
    }
    const tiedOnCost = qualifying.length > 1 && chosen.cost !== null && qualifying[1]!.cost === chosen.cost;
    choiceReason =
      chosen.cost === null
        ? `meets bar ${fmtQ(s.requiredQuality)}, but its price is unknown (no priced model qualifies)`
        : `cheapest meeting bar ${fmtQ(s.requiredQuality)}${tiedOnCost ? " (cost tie broken by latency)" : ""}`;
  } else if (usable.length > 0) {
    const ranked = [...usable].sort(byQuality);
    chosen = ranked[0]!;
    fallbacks = orderFallbacks(ranked.slice(1), s.rule.fallbackOrder);
    degraded = true;
    choiceReason = `no model meets bar ${fmtQ(s.requiredQuality)}; degraded to the best available quality`;
  }
  const fallbackIds = new Set(fallbacks.map((f) => f.model.id));
  const requiredQuality = Math.round(s.requiredQuality * 10) / 10;
  const candidates: CandidateExplanation[] = assessed.map((a) => {
    const priceNote = a.cost === null ? `; ${a.costNote}, ranked after priced models` : `; est ${fmtUsd(a.cost)}`;
    let status: CandidateExplanation["status"] = "skipped";
    let reason = a.hardSkip ?? a.barSkip ?? "not selected";
    if (chosen && a.model.id === chosen.model.id) {
      status = "chosen";
      reason = `${choiceReason}${priceNote}`;
    } else if (fallbackIds.has(a.model.id)) {
      status = "fallback";
      const why =
        a.barSkip === null
          ? `fallback: meets bar ${fmtQ(s.requiredQuality)}`
          : degraded
            ? `fallback (degraded): ${a.barSkip}`
            : `last-resort fallback (the only model meeting the bar is tried first): ${a.barSkip}`;
      reason = `${why}${priceNote}`;
    }
    // One literal shape for every candidate (a spread of a shared base object was the slowest
    // step of a decision).
    return { modelId: a.model.id, status, reason, expectedCostUsd: a.cost, requiredQuality, quality: a.quality };
  });
  const error: RoutingError | null = chosen ? null : { code: "no_model_available", message: noUsableModelMessage(assessed, modelsNotAllowed, s) };
  return {
    model: chosen?.model ?? null,
    fallbacks: fallbacks.map((f) => f.model),
    degraded,
    error,
    candidates,
    modelsNotAllowed,
    choiceReason,
  };
}
