// Top teams and keys by spend, and month-to-date budget burn. Names are passed in, so these
// stay pure; an id that no longer exists (a deleted team) keeps its id as the name.
import { ratio } from "./compare-periods";
import type { OwnerSpendRow } from "./query-spend-by-owner";

export interface OwnerSpend {
  kind: "team" | "key";
  /** null = requests without a team (or key). */
  id: string | null;
  name: string;
  requests: number;
  costUsd: number;
}

export interface BudgetBurn {
  kind: "team" | "key";
  id: string;
  name: string;
  budgetUsd: number;
  spentUsd: number;
  /** Spent / budget (may exceed 1). */
  usedShare: number | null;
  /** Share of the month already elapsed: burning faster than this will overrun. */
  monthElapsedShare: number;
}

export type Names = { teams: Map<string, string>; keys: Map<string, string> };

export const TOP_SPENDERS_LIMIT = 8;

function nameOf(kind: "team" | "key", id: string, names: Names): string {
  if (id === "") return kind === "team" ? "No team" : "No key";
  return (kind === "team" ? names.teams : names.keys).get(id) ?? id;
}

export function buildTopSpenders(rows: readonly OwnerSpendRow[], names: Names, limit = TOP_SPENDERS_LIMIT): { teams: OwnerSpend[]; keys: OwnerSpend[] } {
  const top = (kind: "team" | "key") =>
    rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => b.costUsd - a.costUsd || b.requests - a.requests || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((r) => ({ kind, id: r.id === "" ? null : r.id, name: nameOf(kind, r.id, names), requests: r.requests, costUsd: r.costUsd }));
  return { teams: top("team"), keys: top("key") };
}

export interface Budgeted {
  kind: "team" | "key";
  id: string;
  name: string;
  budgetUsd: number;
}

/** Every budgeted team and key, even without traffic this month (then it has spent $0). */
export function buildBudgetBurn(budgeted: readonly Budgeted[], rows: readonly OwnerSpendRow[], monthElapsedShare: number): BudgetBurn[] {
  return budgeted
    .map((b) => {
      const spentUsd = rows.find((r) => r.kind === b.kind && r.id === b.id)?.costUsd ?? 0;
      return { ...b, spentUsd, usedShare: ratio(spentUsd, b.budgetUsd), monthElapsedShare };
    })
    .sort((a, b) => (b.usedShare ?? -1) - (a.usedShare ?? -1) || a.name.localeCompare(b.name));
}
