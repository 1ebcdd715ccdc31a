import type { TenantActor } from "../actor";
import { notFound } from "../console-error";
import { toPolicyFields } from "./policy-fields";

export async function listPolicies(actor: TenantActor) {
  const rows = await actor.db.routingPolicy.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: { _count: { select: { rules: true, apiKeys: true } } },
  });
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    version: p.version,
    isDefault: p.isDefault,
    baselineModelSlug: p.baselineModelSlug,
    ruleCount: p._count.rules,
    keyCount: p._count.apiKeys,
    updatedAt: p.updatedAt,
  }));
}

export async function getPolicy(actor: TenantActor, id: string) {
  const row = await actor.db.routingPolicy.findFirst({ where: { id }, include: { rules: true } });
  if (!row) throw notFound("Policy");
  return { id: row.id, version: row.version, isDefault: row.isDefault, fields: toPolicyFields(row) };
}
