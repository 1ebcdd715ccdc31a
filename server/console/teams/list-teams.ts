// Teams with their month-to-date spend and, for a budgeted team, when the budget runs out at the current pace.
import { forecastBudget } from "../../alerts/budget-alerts";
import { monthStart } from "../../limits/calendar";
import type { TenantActor } from "../actor";

export async function listTeams(actor: TenantActor, now = new Date()) {
  const teams = await actor.db.team.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { apiKeys: true } } } });
  const ids = teams.map((t) => t.id);
  const spendSince = async (from: Date) => {
    if (ids.length === 0) return new Map<string, number>();
    const rows = await actor.db.usageRollup.groupBy({ by: ["teamId"], where: { hour: { gte: from }, teamId: { in: ids } }, _sum: { costUsd: true } });
    return new Map(rows.map((r) => [r.teamId, Number(r._sum.costUsd ?? 0)]));
  };
  const [month, week] = await Promise.all([spendSince(monthStart(now)), spendSince(new Date(now.getTime() - 7 * 86_400_000))]);
  return teams.map((t) => {
    const budgetUsd = t.monthlyBudgetUsd === null ? null : Number(t.monthlyBudgetUsd);
    const spentUsd = month.get(t.id) ?? 0;
    return {
      id: t.id,
      name: t.name,
      createdAt: t.createdAt,
      keyCount: t._count.apiKeys,
      monthlyBudgetUsd: budgetUsd,
      monthToDateUsd: spentUsd,
      budgetForecast: budgetUsd === null ? null : forecastBudget({ budgetUsd, spentUsd, last7DaysUsd: week.get(t.id) ?? 0 }, now),
    };
  });
}
