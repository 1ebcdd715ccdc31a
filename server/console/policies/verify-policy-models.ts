// A policy may name only models of the tenant's catalog (built-in entries, the tenant's
// overrides and its own custom models). A typo in an allowed list would otherwise leave the
// rule with nothing to route to, and its category's traffic would get 503s from the first
// request on. Disabled and retired models are accepted: they are still in the catalog, may come
// back, and the gateway's 503 and the policy tester name them as the reason.
import type { TenantDb } from "../../db/tenant-scope";
import { invalid } from "../console-error";
import type { PolicyFields } from "../schemas/policies";

/** `db` is scoped to the tenant, so its catalog reads are the global entries and the tenant's own. */
export async function verifyPolicyModels(db: Pick<TenantDb, "model">, fields: PolicyFields): Promise<void> {
  const catalog = new Set((await db.model.findMany({ select: { slug: true } })).map((m) => m.slug));
  const unknownIn = (ids: string[], list: string) => [...new Set(ids)].filter((id) => !catalog.has(id)).map((id) => `${id} (${list})`);
  const problems: string[] = [];
  if (!catalog.has(fields.baselineModelSlug)) problems.push(`Unknown baseline model: ${fields.baselineModelSlug}`);
  for (const rule of fields.rules) {
    const unknown = [...unknownIn(rule.allowedModels, "allowed"), ...unknownIn(rule.fallbackOrder, "fallback")];
    if (unknown.length > 0) problems.push(`Unknown models in rule "${rule.category}": ${unknown.join(", ")}`);
    // An unknown judge would fail every sampled evaluation off the request's path, where nobody sees it.
    if (rule.judgeModel !== null && !catalog.has(rule.judgeModel)) problems.push(`Unknown judge model in rule "${rule.category}": ${rule.judgeModel}`);
  }
  if (problems.length > 0) throw invalid(problems.join("; "));
}
