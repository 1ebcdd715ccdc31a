/**
 * A tenant's learned state as routing uses it: read with the tenant's gateway configuration (so it
 * rides in the same cache and no request pays a query for it) and by the console.
 */
import type { RouteLearning } from "../routing/types";
import { decodeLearningState, emptyLearningState, type LearningState, type StoredLearning } from "./learning-state";

/** The one query this needs: a plain client or the console's tenant-scoped one. */
export interface LearningReader {
  tenantLearning: { findUnique(args: { where: { tenantId: string } }): PromiseLike<StoredLearning | null> };
}

/** The tenant's learned state; nothing learned (or a row that cannot be read) is the empty state. */
export async function loadTenantLearning(db: LearningReader, tenantId: string): Promise<LearningState> {
  const row = await db.tenantLearning.findUnique({ where: { tenantId } });
  return row ? decodeLearningState(row) : emptyLearningState();
}

/**
 * What route() takes from a learned state: only the parts that hold something, so that a tenant
 * with nothing learned routes exactly as without learning. Profiles of models the catalog no longer
 * has are left out (they could never apply).
 */
export function routeLearningOf(state: LearningState, catalog?: readonly { id: string }[]): RouteLearning {
  const learning: RouteLearning = {};
  let book = state.profiles;
  if (catalog) {
    const ids = new Set(catalog.map((m) => m.id));
    book = Object.fromEntries(
      Object.entries(book)
        .map(([category, models]) => [category, Object.fromEntries(Object.entries(models).filter(([id]) => ids.has(id)))] as const)
        .filter(([, models]) => Object.keys(models).length > 0),
    );
  }
  if (Object.keys(book).length > 0) learning.profiles = { book };
  if (state.difficulty && state.difficulty.categories.size > 0) learning.difficulty = state.difficulty;
  if (state.categories && state.categories.prototypes.length > 0) learning.categories = state.categories;
  return learning;
}
