// Choices for the log (and dashboard) filters: the tenant's keys, teams and policies, and the categories and models
// that carried traffic in the last 90 days (from the rollups, not the raw log).
import type { TenantActor } from "../actor";

const DAY_MS = 86_400_000;

export async function listLogFilterOptions(actor: TenantActor, now = new Date()) {
  const since = new Date(now.getTime() - 90 * DAY_MS);
  const [keys, teams, policies, categories, models] = await Promise.all([
    actor.db.apiKey.findMany({ select: { id: true, name: true, prefix: true }, orderBy: { name: "asc" } }),
    actor.db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    actor.db.routingPolicy.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    actor.db.usageRollup.groupBy({ by: ["category"], where: { hour: { gte: since } }, orderBy: { category: "asc" } }),
    actor.db.usageRollup.groupBy({ by: ["model"], where: { hour: { gte: since } }, orderBy: { model: "asc" } }),
  ]);
  return {
    keys,
    teams,
    policies,
    categories: categories.map((c) => c.category).filter(Boolean),
    models: models.map((m) => m.model).filter(Boolean),
  };
}
