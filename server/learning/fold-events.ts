/**
 * Folding queued evidence into a tenant's learned state. Pure: the learning job reads the events
 * and their requests' log rows, calls this, and writes the result back.
 *
 * What each kind of evidence changes:
 * - feedback: the served model's profile in the request's category, and the learned difficulty for
 *   the role the served model has there (cheaper or better, see model-roles.ts);
 * - judgement (an evaluation): both models' profiles through a pairwise update, and the learned
 *   difficulty for the roles they have (the winner succeeded, the loser failed; a tie says nothing
 *   about which request needs the better model);
 * - category: the tenant's category correction layer.
 * Implicit signals are no evidence here: they flag failures but no successes, so folding them into
 * profiles would push every profile down. The usage rollups count them instead.
 */
import type { LearningEventKind } from "./learning-event";
import type { ModelRoles } from "./model-roles";
import type { LearningState } from "./learning-state";
import { recordOutcome, recordPairwise, type ProfileOptions } from "../routing/learning/capability-profile";
import { createCorrections, learnCorrection, type CorrectionOptions } from "../routing/learning/category-corrections";
import {
  createLearner,
  forgetCategories,
  decodeLearner,
  encodeLearner,
  learnDifficulty,
  type DifficultyLearner,
  type LearnerFeatures,
  type LearnerOptions,
} from "../routing/learning/learned-difficulty";
import { isRecord } from "../is-record";

/** A queued event joined with its request's log row. */
export interface FoldableEvent {
  kind: string;
  score: number | null;
  payload: unknown;
  request: {
    /** The model that answered (RequestLog.chosenModel). */
    servedModel: string | null;
    category: string | null;
    policyId: string | null;
    /** The request's stored features, decoded (null: none stored). */
    features: LearnerFeatures | null;
  };
}

export interface FoldContext {
  /** The cheaper and better models of a category under a policy (null policy: the tenant's default). */
  rolesOf(policyId: string | null, category: string): ModelRoles;
  /** Whether any of the tenant's policies has a rule for the category now (learned state of others is dropped). */
  hasRule(category: string): boolean;
  /** The catalog's figure for a model in a category (the prior of its profile). */
  catalogQuality(modelId: string, category: string): number | null;
  profileOptions?: ProfileOptions;
  learnerOptions?: LearnerOptions;
  correctionOptions?: CorrectionOptions;
}

export interface FoldCounts {
  folded: Partial<Record<LearningEventKind, number>>;
  /** Events with nothing usable (no served model, no score, a malformed payload): deleted all the same. */
  ignored: number;
}

const isScore = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= 1;
const nonEmpty = (x: unknown): x is string => typeof x === "string" && x.trim() !== "";

/** The difficulty outcome of each role the given models have (an outcome of a model with no role teaches nothing). */
function roleOutcomes(roles: ModelRoles, outcomes: [model: string, score: number][]): { cheaper?: number; better?: number } {
  const out: { cheaper?: number; better?: number } = {};
  for (const [model, score] of outcomes) {
    if (model === roles.cheaper) out.cheaper = score;
    if (model === roles.better) out.better = score;
  }
  return out;
}

export function foldEvents(state: LearningState, events: readonly FoldableEvent[], ctx: FoldContext): { state: LearningState; counts: FoldCounts } {
  let profiles = state.profiles;
  let categories = state.categories;
  const folded = { ...state.folded };
  const counts: FoldCounts = { folded: {}, ignored: 0 };
  // The learner updates in place: work on a copy so that the state passed in (which routing may be reading) stays as it was.
  let difficulty: DifficultyLearner | null = state.difficulty && events.length > 0 ? decodeLearner(encodeLearner(state.difficulty)) : state.difficulty;
  const learner = (): DifficultyLearner => (difficulty ??= createLearner(ctx.learnerOptions));
  const teachDifficulty = (category: string, features: LearnerFeatures | null, outcome: { cheaper?: number; better?: number }) => {
    if (features && (outcome.cheaper !== undefined || outcome.better !== undefined)) learnDifficulty(learner(), { category, features, ...outcome });
  };

  for (const e of events) {
    const { servedModel, category, policyId, features } = e.request;
    let used = false;
    switch (e.kind) {
      case "feedback": {
        if (!nonEmpty(servedModel) || !nonEmpty(category) || !isScore(e.score)) break;
        profiles = recordOutcome(profiles, { modelId: servedModel, category, score: e.score }, ctx.profileOptions);
        teachDifficulty(category, features, roleOutcomes(ctx.rolesOf(policyId, category), [[servedModel, e.score]]));
        used = true;
        break;
      }
      case "judgement": {
        const p = e.payload;
        if (!isRecord(p) || !nonEmpty(p.category) || !nonEmpty(p.served) || !nonEmpty(p.challenger) || p.served === p.challenger || !isScore(e.score)) break;
        const { category: c, served, challenger } = p as { category: string; served: string; challenger: string };
        profiles = recordPairwise(
          profiles,
          { category: c, a: served, b: challenger, aWins: e.score, catalogQualityA: ctx.catalogQuality(served, c), catalogQualityB: ctx.catalogQuality(challenger, c) },
          ctx.profileOptions,
        );
        if (e.score !== 0.5) {
          const servedWon = e.score > 0.5 ? 1 : 0;
          teachDifficulty(c, features, roleOutcomes(ctx.rolesOf(policyId, c), [[served, servedWon], [challenger, 1 - servedWon]]));
        }
        used = true;
        break;
      }
      case "category": {
        const p = e.payload;
        if (!isRecord(p) || !nonEmpty(p.category) || !features || features.n === 0) break;
        categories = learnCorrection(categories ?? createCorrections(ctx.correctionOptions), features, p.category.trim());
        used = true;
        break;
      }
    }
    if (used) {
      const kind = e.kind as LearningEventKind;
      counts.folded[kind] = (counts.folded[kind] ?? 0) + 1;
      folded[kind] = (folded[kind] ?? 0) + 1;
    } else {
      counts.ignored++;
      folded.ignored = (folded.ignored ?? 0) + 1;
    }
  }
  // Only a copy made above is pruned; the state passed in stays as routing reads it.
  if (difficulty && difficulty !== state.difficulty) forgetCategories(difficulty, ctx.hasRule);
  return { state: { profiles, difficulty, categories, folded }, counts };
}
