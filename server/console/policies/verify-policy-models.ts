// A policy may name only models of the tenant's catalog (built-in entries, the tenant's
// overrides and its own custom models). A typo in an allowed list would otherwise leave the
// rule with nothing to route to, and its category's traffic would get 503s from the first
// request on. Disabled and retired models are accepted: they are still in the catalog, may come
// back, and the gateway's 503 and the policy tester name them as the reason. Embedding models
// are refused by name: a chat policy can never route to one.
import type { TenantDb } from "../../db/tenant-scope";
import { invalid } from "../console-error";
import type { PolicyFields } from "../schemas/policies";

/** `db` is scoped to the tenant, so its catalog reads are the global entries and the tenant's own. */
export async function verifyPolicyModels(db: Pick<TenantDb, "model">, fields: PolicyFields): Promise<void> {
  // Each slug's kind from the tenant's row where it has one, else from the global row.
  const kinds = new Map<string, string>();
  for (const m of await db.model.findMany({ select: { slug: true, kind: true, tenantId: true } })) if (m.tenantId !== null || !kinds.has(m.slug)) kinds.set(m.slug, m.kind);
  const catalog = new Set(kinds.keys());
  const unknownIn = (ids: string[], list: string) => [...new Set(ids)].filter((id) => !catalog.has(id)).map((id) => `${id} (${list})`);
  const embeddingIn = (ids: (string | null)[]) => [...new Set(ids)].filter((id): id is string => id !== null && kinds.get(id) === "embedding");
  const problems: string[] = [];
  if (!catalog.has(fields.baselineModelSlug)) problems.push(`Unknown baseline model: ${fields.baselineModelSlug}`);
  for (const rule of fields.rules) {
    const unknown = [...unknownIn(rule.allowedModels, "allowed"), ...unknownIn(rule.fallbackOrder, "fallback")];
    if (unknown.length > 0) problems.push(`Unknown models in rule "${rule.category}": ${unknown.join(", ")}`);
    const embedding = embeddingIn([...rule.allowedModels, ...rule.fallbackOrder, rule.judgeModel]);
    if (embedding.length > 0) problems.push(`Embedding models cannot serve chat requests, in rule "${rule.category}": ${embedding.join(", ")}`);
    // An unknown judge would fail every sampled evaluation off the request's path, where nobody sees it.
    if (rule.judgeModel !== null && !catalog.has(rule.judgeModel)) problems.push(`Unknown judge model in rule "${rule.category}": ${rule.judgeModel}`);
  }
  if (embeddingIn([fields.baselineModelSlug]).length > 0) problems.push(`The baseline model ${fields.baselineModelSlug} is an embedding model; pick a chat model`);
  if (problems.length > 0) throw invalid(problems.join("; "));
}
