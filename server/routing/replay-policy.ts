// What-if: a saved policy and a draft replayed on recorded requests, with the engine's own
// choice per request (lean-select-model.ts), so that an editor sees what a change would do to
// cost, expected quality and the model mix before saving it. Pure: rows, catalog and learned
// profiles come in; nothing is read here.
import { applyProfiles } from "./learning/capability-profile";
import { leanSelector, type LeanChoice } from "./lean-select-model";
import { estimateCost } from "./estimate-cost";
import { replayCategory, type RecordedCategory } from "./replay-category";
import { estimateOutputTokens } from "./route";
import { ruleOf } from "./rule-of";
import { qualityCeiling, requiredQualityFor } from "./select-model";
import type { CatalogModel, RouteLearning, RoutingPolicy } from "./types";

/** One recorded request: how its category was decided, what the router saw and what it used. */
export interface ReplayRow extends RecordedCategory {
  id: string;
  difficulty: number | null;
  /** Tokens the request really used: every policy is priced on these. */
  inputTokens: number;
  outputTokens: number;
  /** The router's estimate, which selection (context window, max cost, ranking) used; null on older rows (the real count stands in). */
  estimatedInputTokens: number | null;
  maxOutputTokens: number | null;
  /** The request asked for JSON following a schema; absent or null (older rows): it did not. */
  needsStructuredOutput?: boolean | null;
}

export interface ReplayInput {
  rows: readonly ReplayRow[];
  catalog: readonly CatalogModel[];
  /** The tenant's learned capability profiles, applied per category as route() applies them. */
  profiles?: RouteLearning["profiles"];
  saved: RoutingPolicy;
  draft: RoutingPolicy;
  now: Date;
  /** How many of the requests whose model changes to list (the first ones in row order). */
  sampleSize: number;
}

export interface CategoryReplay {
  requests: number;
  /** Mean quality figure of the chosen models for the category; null when none is known. */
  meanQuality: number | null;
  /** Requests per chosen model ("" = no model). */
  models: Record<string, number>;
}

export interface PolicyReplay {
  /** Priced requests' cost at catalog prices, on their real tokens. */
  costUsd: number;
  /** Requests whose chosen model has no price for their tokens: counted apart, never as $0. */
  unpriced: number;
  /** The policy's baseline model on the same tokens; null when it is not in the catalog. */
  baselineCostUsd: number | null;
  baselineUnpriced: number;
  degraded: number;
  noModel: number;
  categories: Record<string, CategoryReplay>;
}

export interface ChangedRequest {
  id: string;
  category: string;
  before: string | null;
  after: string | null;
  /** Draft cost minus saved cost; null when either is unpriced or has no model. */
  costDeltaUsd: number | null;
}

export interface WhatIfReplay {
  requests: number;
  saved: PolicyReplay;
  draft: PolicyReplay;
  /** Requests whose model the draft changes. */
  changed: number;
  sample: ChangedRequest[];
}

interface CategoryPlan {
  requiredQuality: (difficulty: number) => number;
  choose: ReturnType<typeof leanSelector>;
}

interface Tally {
  requests: number;
  qualitySum: number;
  qualityKnown: number;
  models: Map<string, number>;
}

const NO_CHOICE: LeanChoice = { model: null, degraded: false };

/** Per policy: the catalog route() would see for a category (learned profiles applied), its ceiling and its chooser, built once. */
function planner(policy: RoutingPolicy, input: ReplayInput): (category: string) => CategoryPlan | null {
  const plans = new Map<string, CategoryPlan | null>();
  return (category) => {
    let plan = plans.get(category);
    if (plan !== undefined) return plan;
    const rule = ruleOf(policy, category);
    if (!rule) plan = null;
    else {
      const catalog = input.profiles ? applyProfiles(input.catalog, category, input.profiles.book, input.profiles.options).catalog : input.catalog;
      const ceiling = qualityCeiling(catalog, rule, category, input.now);
      plan = {
        requiredQuality: (difficulty) => requiredQualityFor(rule, policy.difficultyBarRaise * difficulty, ceiling),
        choose: leanSelector(catalog, rule, category, {}, input.now),
      };
    }
    plans.set(category, plan);
    return plan;
  };
}

function replayOne(policy: RoutingPolicy, plan: (category: string) => CategoryPlan | null, row: ReplayRow): { category: string; choice: LeanChoice; quality: number | null } {
  const category = replayCategory(row, policy);
  const p = plan(category);
  if (!p) return { category, choice: NO_CHOICE, quality: null };
  const inputTokens = row.estimatedInputTokens ?? row.inputTokens;
  const outputTokens = estimateOutputTokens(category, policy, row.maxOutputTokens ?? undefined);
  const choice = p.choose(p.requiredQuality(row.difficulty ?? 0), inputTokens, outputTokens, row.needsStructuredOutput === true);
  // The chosen model comes from the catalog as this category sees it: its figure is the one routing used.
  return { category, choice, quality: choice.model?.quality[category] ?? null };
}

function costOf(model: CatalogModel | null, row: ReplayRow): number | null {
  if (!model) return null;
  const estimate = estimateCost(model, row.inputTokens, row.outputTokens);
  return estimate.priced ? estimate.usd : null;
}

class PolicyTotals {
  costUsd = 0;
  unpriced = 0;
  baselineCostUsd = 0;
  baselineUnpriced = 0;
  degraded = 0;
  noModel = 0;
  tallies = new Map<string, Tally>();
  constructor(private readonly baseline: CatalogModel | null) {}

  add(row: ReplayRow, category: string, choice: LeanChoice, quality: number | null, cost: number | null): void {
    if (!choice.model) this.noModel++;
    else if (cost === null) this.unpriced++;
    else this.costUsd += cost;
    if (choice.degraded) this.degraded++;
    const baseline = costOf(this.baseline, row);
    if (baseline === null) this.baselineUnpriced++;
    else this.baselineCostUsd += baseline;
    let t = this.tallies.get(category);
    if (!t) this.tallies.set(category, (t = { requests: 0, qualitySum: 0, qualityKnown: 0, models: new Map() }));
    t.requests++;
    if (quality !== null) {
      t.qualitySum += quality;
      t.qualityKnown++;
    }
    const id = choice.model?.id ?? "";
    t.models.set(id, (t.models.get(id) ?? 0) + 1);
  }

  result(): PolicyReplay {
    const categories: Record<string, CategoryReplay> = {};
    for (const [category, t] of [...this.tallies].sort(([a], [b]) => a.localeCompare(b))) {
      categories[category] = { requests: t.requests, meanQuality: t.qualityKnown > 0 ? t.qualitySum / t.qualityKnown : null, models: Object.fromEntries(t.models) };
    }
    return {
      costUsd: this.costUsd,
      unpriced: this.unpriced,
      baselineCostUsd: this.baseline ? this.baselineCostUsd : null,
      baselineUnpriced: this.baseline ? this.baselineUnpriced : 0,
      degraded: this.degraded,
      noModel: this.noModel,
      categories,
    };
  }
}

/**
 * Replays every row under the saved policy and the draft. Each request keeps its real tokens
 * (another model would have written a different answer: not modelled), its recorded difficulty
 * and the health of every model; fallbacks and response-cache hits are not replayed.
 */
export function replayPolicies(input: ReplayInput): WhatIfReplay {
  const baselineOf = (p: RoutingPolicy) => input.catalog.find((m) => m.id === p.baselineModelId) ?? null;
  const savedTotals = new PolicyTotals(baselineOf(input.saved));
  const draftTotals = new PolicyTotals(baselineOf(input.draft));
  const savedPlan = planner(input.saved, input);
  const draftPlan = planner(input.draft, input);
  const sample: ChangedRequest[] = [];
  let changed = 0;
  for (const row of input.rows) {
    const before = replayOne(input.saved, savedPlan, row);
    const after = replayOne(input.draft, draftPlan, row);
    const beforeCost = costOf(before.choice.model, row);
    const afterCost = before.choice.model === after.choice.model ? beforeCost : costOf(after.choice.model, row);
    savedTotals.add(row, before.category, before.choice, before.quality, beforeCost);
    draftTotals.add(row, after.category, after.choice, after.quality, afterCost);
    if (before.choice.model?.id === after.choice.model?.id) continue;
    changed++;
    if (sample.length < input.sampleSize) {
      sample.push({
        id: row.id,
        category: after.category,
        before: before.choice.model?.id ?? null,
        after: after.choice.model?.id ?? null,
        costDeltaUsd: beforeCost !== null && afterCost !== null ? afterCost - beforeCost : null,
      });
    }
  }
  return { requests: input.rows.length, saved: savedTotals.result(), draft: draftTotals.result(), changed, sample };
}
