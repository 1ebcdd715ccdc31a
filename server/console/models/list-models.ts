// The tenant's catalog with, per model, the policies that can route to it (naming it, or with a
// rule that allows any model) and its traffic in the last 30 days (from the hourly rollups), so a
// deprecation shows what it affects.
import type { TenantActor } from "../actor";
import { effectiveRows, toCatalogEntry } from "./catalog-entry";
import { policiesReaching } from "./policy-reach";

const DAY_MS = 86_400_000;

export async function listModels(actor: TenantActor, now = new Date()) {
  const [rows, policies, traffic] = await Promise.all([
    actor.db.model.findMany(),
    actor.db.routingPolicy.findMany({ select: { id: true, name: true, baselineModelSlug: true, rules: { select: { category: true, allowedModels: true, fallbackOrder: true } } } }),
    actor.db.usageRollup.groupBy({ by: ["model"], where: { hour: { gte: new Date(now.getTime() - 30 * DAY_MS) } }, _sum: { requests: true } }),
  ]);
  const requestsByModel = new Map(traffic.map((t) => [t.model, t._sum.requests ?? 0]));
  return effectiveRows(rows).map(({ row, origin }) => ({
    ...toCatalogEntry(row, origin),
    requestsLast30Days: requestsByModel.get(row.slug) ?? 0,
    referencedBy: policiesReaching(row.slug, policies),
  }));
}

export type CatalogListEntry = Awaited<ReturnType<typeof listModels>>[number];
