/**
 * Replay: plays rows of per-prompt outcomes (the schema of difficulty_train.jsonl) in order as one
 * tenant's traffic through route() and the learning code. The served model's outcome is the
 * feedback; for the evaluation share both outcomes are seen (as an evaluation with a judge would
 * give them). No I/O: scripts/replay.ts reads the file and prints the result.
 */
import { route } from "../route";
import { estimateCost } from "../estimate-cost";
import { computeApgr } from "../training/metrics";
import { BUILTIN_CATEGORIES, type CatalogModel, type CategoryRule, type RoutingPolicy } from "../types";
import { capabilityProfile, recordOutcome, type ProfileBook, DEFAULT_PROFILE_OPTIONS } from "./capability-profile";
import { createLearner, learnDifficulty, DEFAULT_LEARNER_OPTIONS, type LearnerOptions } from "./learned-difficulty";
import { learnerFeaturesOf } from "./learner-features";
import { isSampledForEvaluation } from "./sample-evaluation";

export interface ReplayRow {
  prompt: string;
  /** 1/0, or a graded score in [0, 1]. */
  strong_correct: number;
  weak_correct: number;
  strong_model?: string;
  weak_model?: string;
}

export interface ReplayOptions {
  evaluateShare: number;
  seed: number;
  /** Share of requests the policy sends to the better model (the bar is set so that difficulty above 1 − share needs it). */
  strongShare: number;
  /** Rows per entry of the `windows` series. */
  window: number;
  learner: LearnerOptions;
}

export const DEFAULT_REPLAY_OPTIONS: ReplayOptions = {
  evaluateShare: 0.05,
  seed: 1,
  strongShare: 0.5,
  window: 500,
  learner: DEFAULT_LEARNER_OPTIONS,
};

const CHEAPER = "replay-cheaper";
const BETTER = "replay-better";
const CHEAPER_QUALITY = 70;
const BETTER_QUALITY = 80;
const NOW = new Date("2026-01-01T00:00:00Z");

function replayModel(id: string, displayName: string, inPrice: number, outPrice: number, quality: number): CatalogModel {
  return {
    id, provider: "replay", providerModelId: displayName, displayName, inputPricePerMTok: inPrice, outputPricePerMTok: outPrice,
    contextWindow: 1_000_000, quality: Object.fromEntries(BUILTIN_CATEGORIES.map((c) => [c, quality])), latencyMs: null,
    enabled: true, deprecatedAt: null, replacementModelId: null,
  };
}

/**
 * Two models a tenth apart in price, and a policy whose bar the cheaper model meets exactly up to
 * difficulty 1 − strongShare: bar + raise × difficulty ≤ 70 ⇔ difficulty ≤ 1 − strongShare.
 */
function replaySetup(rows: readonly ReplayRow[], strongShare: number): { catalog: CatalogModel[]; policy: RoutingPolicy } {
  const catalog = [
    replayModel(CHEAPER, rows[0]?.weak_model ?? "weak", 0.5, 1.5, CHEAPER_QUALITY),
    replayModel(BETTER, rows[0]?.strong_model ?? "strong", 5, 15, BETTER_QUALITY),
  ];
  const raise = BETTER_QUALITY - CHEAPER_QUALITY;
  const rule: CategoryRule = {
    qualityBar: CHEAPER_QUALITY - raise * (1 - strongShare), allowedModels: null, fallbackOrder: [], maxCostUsd: null, latencyTargetMs: null,
  };
  const policy: RoutingPolicy = {
    id: "replay", name: "replay", version: 1, baselineModelId: BETTER, defaultCategory: "general", confidenceThreshold: 0,
    difficultyBarRaise: raise, rules: Object.fromEntries(BUILTIN_CATEGORIES.map((c) => [c, rule])), customCategories: [],
  };
  return { catalog, policy };
}

interface Step {
  difficulty: number;
  staticDifficulty: number;
  learned: boolean;
  servedBetter: boolean;
  outcome: number;
  strong: number;
  weak: number;
  cost: number;
  strongCost: number;
  weakCost: number;
  evaluated: boolean;
  evaluationCost: number;
  category: string;
}

export interface ReplayFigures {
  rows: number;
  /** APGR of the difficulty routing used (learned once ready) on these rows. */
  apgr: number;
  /** APGR of the static estimate on the same rows. */
  apgr_static: number;
  /** Mean outcome of the served model, and of always serving the better / the cheaper one. */
  quality: number;
  quality_all_strong: number;
  quality_all_weak: number;
  /** Share of the strong-minus-weak quality gap recovered by routing. */
  gap_recovered: number;
  /** Traffic cost (USD, estimated from tokens), and of always serving the better / the cheaper one. */
  cost: number;
  cost_all_strong: number;
  cost_all_weak: number;
  strong_share: number;
  learned_share: number;
  evaluations: number;
  evaluation_cost: number;
}

export interface ReplayResult extends ReplayFigures {
  apgr_second_half: number;
  apgr_second_half_static: number;
  evaluate_share: number;
  seed: number;
  windows: (ReplayFigures & { from: number; to: number })[];
  second_half: ReplayFigures;
  profiles: { model: string; category: string; quality: number; low: number; high: number; evidence: number; observed: number; usable: boolean }[];
}

const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;

function figures(s: readonly Step[]): ReplayFigures {
  const sum = (f: (x: Step) => number) => s.reduce((a, x) => a + f(x), 0);
  const n = Math.max(1, s.length);
  const strong = sum((x) => x.strong);
  const weak = sum((x) => x.weak);
  const got = sum((x) => x.outcome);
  return {
    rows: s.length,
    apgr: round(computeApgr(s.map((x) => x.difficulty), s.map((x) => x.strong), s.map((x) => x.weak))),
    apgr_static: round(computeApgr(s.map((x) => x.staticDifficulty), s.map((x) => x.strong), s.map((x) => x.weak))),
    quality: round(got / n),
    quality_all_strong: round(strong / n),
    quality_all_weak: round(weak / n),
    gap_recovered: strong === weak ? 1 : round((got - weak) / (strong - weak)),
    cost: round(sum((x) => x.cost), 6),
    cost_all_strong: round(sum((x) => x.strongCost), 6),
    cost_all_weak: round(sum((x) => x.weakCost), 6),
    strong_share: round(sum((x) => (x.servedBetter ? 1 : 0)) / n),
    learned_share: round(sum((x) => (x.learned ? 1 : 0)) / n),
    evaluations: sum((x) => (x.evaluated ? 1 : 0)),
    evaluation_cost: round(sum((x) => x.evaluationCost), 6),
  };
}

export function replayTraffic(rows: readonly ReplayRow[], options: Partial<ReplayOptions> = {}): ReplayResult {
  const opt = { ...DEFAULT_REPLAY_OPTIONS, ...options };
  const { catalog, policy } = replaySetup(rows, opt.strongShare);
  const [cheaper, better] = catalog as [CatalogModel, CatalogModel];
  const learner = createLearner(opt.learner);
  let book: ProfileBook = {};
  const steps: Step[] = [];
  rows.forEach((row, i) => {
    const request = { messages: [{ role: "user" as const, content: row.prompt }] };
    const d = route({ request, catalog, policy, unhealthy: {}, now: NOW, learning: { difficulty: learner } });
    const servedBetter = d.model?.id === BETTER;
    const { inputTokens, outputTokens } = d.estimate;
    const costOf = (m: CatalogModel) => {
      const e = estimateCost(m, inputTokens, outputTokens);
      return e.priced ? e.usd : 0;
    };
    const evaluated = isSampledForEvaluation(String(i), opt.evaluateShare, opt.seed);
    const strong = row.strong_correct;
    const weak = row.weak_correct;
    steps.push({
      difficulty: d.difficulty,
      staticDifficulty: d.learning?.staticDifficulty ?? d.difficulty,
      learned: d.learning?.learnedDifficulty != null,
      servedBetter,
      outcome: servedBetter ? strong : weak,
      strong,
      weak,
      cost: costOf(servedBetter ? better : cheaper),
      strongCost: costOf(better),
      weakCost: costOf(cheaper),
      evaluated,
      evaluationCost: evaluated ? costOf(servedBetter ? cheaper : better) : 0,
      category: d.category,
    });
    // Feedback after the answer: the served model's outcome, and both for an evaluated request.
    const seeBetter = servedBetter || evaluated;
    const seeCheaper = !servedBetter || evaluated;
    const features = learnerFeaturesOf(request);
    if (features) learnDifficulty(learner, { category: d.category, features, better: seeBetter ? strong : undefined, cheaper: seeCheaper ? weak : undefined });
    // Profiles learn from evaluations only: served outcomes are chosen by the router (the cheaper
    // model serves the easier prompts), which would flatter the cheaper model's profile.
    if (evaluated) {
      book = recordOutcome(book, { modelId: BETTER, category: d.category, score: strong });
      book = recordOutcome(book, { modelId: CHEAPER, category: d.category, score: weak });
    }
  });
  const half = steps.slice(Math.floor(steps.length / 2));
  const windows: ReplayResult["windows"] = [];
  for (let from = 0; from < steps.length; from += opt.window) {
    const part = steps.slice(from, from + opt.window);
    windows.push({ from: from + 1, to: from + part.length, ...figures(part) });
  }
  const profiles: ReplayResult["profiles"] = [];
  for (const [category, models] of Object.entries(book).sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const [modelId, e] of Object.entries(models).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const model = modelId === BETTER ? better : cheaper;
      const p = capabilityProfile(e, model.quality[category] ?? null, DEFAULT_PROFILE_OPTIONS);
      const inCategory = steps.filter((s) => s.category === category);
      const observed = inCategory.reduce((a, s) => a + (modelId === BETTER ? s.strong : s.weak), 0) / Math.max(1, inCategory.length);
      profiles.push({
        model: model.displayName, category, quality: round(p.quality, 1), low: round(p.low, 1), high: round(p.high, 1),
        evidence: round(p.evidence, 1), observed: round(observed * 100, 1), usable: p.usable,
      });
    }
  }
  const second = figures(half);
  return {
    ...figures(steps),
    apgr_second_half: second.apgr,
    apgr_second_half_static: second.apgr_static,
    evaluate_share: opt.evaluateShare,
    seed: opt.seed,
    second_half: second,
    windows,
    profiles,
  };
}
