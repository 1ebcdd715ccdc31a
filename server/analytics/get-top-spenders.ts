// The teams and keys that spent most in the window, by name.
import type { DashboardFilters } from "./dashboard-filters";
import { resolveWindow, type DashboardWindow } from "./resolve-window";
import { querySpendByOwner } from "./query-spend-by-owner";
import { buildTopSpenders, type OwnerSpend } from "./build-owner-spend";
import type { AnalyticsScope } from "./rollup-query-parts";

export async function getTopSpenders(scope: AnalyticsScope, filters: DashboardFilters, now = new Date()): Promise<{ window: DashboardWindow; teams: OwnerSpend[]; keys: OwnerSpend[] }> {
  const window = resolveWindow(filters, now);
  const rows = await querySpendByOwner(scope, window.from, window.to, filters);
  const ids = (kind: "team" | "key") => rows.filter((r) => r.kind === kind && r.id !== "").map((r) => r.id);
  // The tenant-scoped client: another tenant's key or team id never resolves to a name here.
  const [teams, keys] = await Promise.all([
    scope.db.team.findMany({ where: { id: { in: ids("team") } }, select: { id: true, name: true } }),
    scope.db.apiKey.findMany({ where: { id: { in: ids("key") } }, select: { id: true, name: true } }),
  ]);
  const names = { teams: new Map(teams.map((t) => [t.id, t.name])), keys: new Map(keys.map((k) => [k.id, k.name])) };
  return { window, ...buildTopSpenders(rows, names) };
}
