// Model mix per task category: each model's share of the category's requests and spend, and
// the category totals. A share of a category that spent nothing is unknown (null), not 0 %.
import { ratio } from "./compare-periods";
import type { CategoryModelRow } from "./query-category-mix";

export interface CategoryMix {
  category: string;
  requests: number;
  costUsd: number;
  unpriced: number;
  models: { model: string; requests: number; costUsd: number; requestShare: number | null; spendShare: number | null }[];
}

export interface CategoryMixResult {
  /** Models by requests across all categories, largest first: the legend order. */
  models: string[];
  /** Categories by requests, largest first. */
  categories: CategoryMix[];
}

export function buildCategoryMix(rows: readonly CategoryModelRow[]): CategoryMixResult {
  const modelRequests = new Map<string, number>();
  const groups = new Map<string, CategoryModelRow[]>();
  for (const row of rows) {
    modelRequests.set(row.model, (modelRequests.get(row.model) ?? 0) + row.requests);
    const group = groups.get(row.category);
    if (group) group.push(row);
    else groups.set(row.category, [row]);
  }
  const categories = [...groups.entries()].map(([category, members]): CategoryMix => {
    const requests = members.reduce((s, r) => s + r.requests, 0);
    const costUsd = members.reduce((s, r) => s + r.costUsd, 0);
    return {
      category,
      requests,
      costUsd,
      unpriced: members.reduce((s, r) => s + r.unpriced, 0),
      models: members
        .map((r) => ({ model: r.model, requests: r.requests, costUsd: r.costUsd, requestShare: ratio(r.requests, requests), spendShare: ratio(r.costUsd, costUsd) }))
        .sort((a, b) => b.requests - a.requests || a.model.localeCompare(b.model)),
    };
  });
  categories.sort((a, b) => b.requests - a.requests || a.category.localeCompare(b.category));
  const models = [...modelRequests.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).map(([m]) => m);
  return { models, categories };
}
