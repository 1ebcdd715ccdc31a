import type { TenantActor } from "../actor";

export async function listTeams(actor: TenantActor) {
  const teams = await actor.db.team.findMany({ orderBy: { name: "asc" }, include: { _count: { select: { apiKeys: true } } } });
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt,
    keyCount: t._count.apiKeys,
    monthlyBudgetUsd: t.monthlyBudgetUsd === null ? null : Number(t.monthlyBudgetUsd),
  }));
}
