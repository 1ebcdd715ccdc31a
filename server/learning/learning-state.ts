/**
 * A tenant's learned state as the learning job folds it and routing reads it, and its plain-JSON
 * form in TenantLearning. Decoding never throws: a part that is missing or malformed (a hand-edited
 * row, an older format) reads as nothing learned, so a bad row costs that tenant its learning and
 * nothing else.
 */
import type { ProfileBook, ProfileEvidence } from "../routing/learning/capability-profile";
import { decodeCorrections, encodeCorrections, type CategoryCorrections, type CorrectionsJson } from "../routing/learning/category-corrections";
import { decodeLearner, encodeLearner, type DifficultyLearner, type LearnerJson } from "../routing/learning/learned-difficulty";
import { isRecord } from "../is-record";

export interface LearningState {
  profiles: ProfileBook;
  difficulty: DifficultyLearner | null;
  categories: CategoryCorrections | null;
  /** Events folded so far by kind, and those ignored (nothing to learn) or dropped (log row never came). */
  folded: Record<string, number>;
}

export function emptyLearningState(): LearningState {
  return { profiles: {}, difficulty: null, categories: null, folded: {} };
}

/** TenantLearning's JSON columns. */
export interface StoredLearning {
  profiles: unknown;
  difficulty: unknown;
  categories: unknown;
  folded: unknown;
}

const count = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null);

function decodeProfiles(v: unknown): ProfileBook {
  const book: ProfileBook = {};
  if (!isRecord(v)) return book;
  for (const [category, models] of Object.entries(v)) {
    if (!isRecord(models)) continue;
    for (const [model, e] of Object.entries(models)) {
      if (!isRecord(e)) continue;
      const successes = count(e.successes);
      const failures = count(e.failures);
      if (successes === null || failures === null) continue;
      (book[category] ??= {})[model] = { successes, failures } satisfies ProfileEvidence;
    }
  }
  return book;
}

function decodeCounts(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (isRecord(v)) for (const [k, n] of Object.entries(v)) if (count(n) !== null) out[k] = n as number;
  return out;
}

function attempt<T>(decode: () => T): T | null {
  try {
    return decode();
  } catch {
    return null;
  }
}

function isLearnerJson(v: unknown): boolean {
  return isRecord(v) && v.format === "switchyard-learned-difficulty" && v.version === 1 && isRecord(v.options) && isRecord(v.categories) && typeof v.denseCount === "number";
}

export function decodeLearningState(row: StoredLearning | null): LearningState {
  if (!row) return emptyLearningState();
  return {
    profiles: decodeProfiles(row.profiles),
    difficulty: isLearnerJson(row.difficulty) ? attempt(() => decodeLearner(row.difficulty as LearnerJson)) : null,
    categories: row.categories == null ? null : attempt(() => decodeCorrections(row.categories as CorrectionsJson)),
    folded: decodeCounts(row.folded),
  };
}

export function encodeLearningState(state: LearningState): {
  profiles: ProfileBook;
  difficulty: LearnerJson | null;
  categories: CorrectionsJson | null;
  folded: Record<string, number>;
} {
  return {
    profiles: state.profiles,
    difficulty: state.difficulty ? encodeLearner(state.difficulty) : null,
    categories: state.categories ? encodeCorrections(state.categories) : null,
    folded: state.folded,
  };
}
