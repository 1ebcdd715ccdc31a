// Month-to-date spend of every team and key that has a monthly budget. Budgets cover all of
// an owner's traffic, so only the team and key filters apply here, not category or model.
import { monthStart, nextMonthStart } from "../limits/calendar";
import type { DashboardFilters } from "./dashboard-filters";
import { querySpendByOwner } from "./query-spend-by-owner";
import { buildBudgetBurn, type BudgetBurn, type Budgeted } from "./build-owner-spend";
import type { AnalyticsScope } from "./rollup-query-parts";

export async function getBudgetBurn(scope: AnalyticsScope, filters: Pick<DashboardFilters, "teamId" | "apiKeyId">, now = new Date()): Promise<{ monthStart: Date; budgets: BudgetBurn[] }> {
  const from = monthStart(now);
  const to = nextMonthStart(now);
  const [teams, keys, rows] = await Promise.all([
    scope.db.team.findMany({
      where: { monthlyBudgetUsd: { not: null }, ...(filters.teamId && { id: filters.teamId }) },
      select: { id: true, name: true, monthlyBudgetUsd: true },
    }),
    scope.db.apiKey.findMany({
      where: { revokedAt: null, ...(filters.teamId && { teamId: filters.teamId }), ...(filters.apiKeyId && { id: filters.apiKeyId }) },
      select: { id: true, name: true, teamId: true, monthlyBudgetUsd: true },
    }),
    // Unfiltered: a team's budget is burnt by all of its keys, whichever key is selected.
    querySpendByOwner(scope, from, to, {}),
  ]);
  // With a key filter, its team's budget is shown too: the key draws on it.
  const keyTeams = new Set(keys.map((k) => k.teamId));
  const budgeted: Budgeted[] = [
    ...teams.filter((t) => !filters.apiKeyId || keyTeams.has(t.id)).map((t) => ({ kind: "team" as const, id: t.id, name: t.name, budgetUsd: Number(t.monthlyBudgetUsd) })),
    ...keys.filter((k) => k.monthlyBudgetUsd !== null).map((k) => ({ kind: "key" as const, id: k.id, name: k.name, budgetUsd: Number(k.monthlyBudgetUsd) })),
  ];
  const elapsed = (now.getTime() - from.getTime()) / (to.getTime() - from.getTime());
  return { monthStart: from, budgets: buildBudgetBurn(budgeted, rows, elapsed) };
}
