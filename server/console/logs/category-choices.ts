// The categories a request may be refiled under: the built-in ones and the custom categories of
// the policy that routed it (the tenant's default policy when that one is gone).
import { BUILTIN_CATEGORIES } from "../../routing/types";
import type { TenantDb } from "../../db/tenant-scope";

function customNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((rule: unknown) => (typeof rule === "object" && rule !== null && typeof (rule as { name?: unknown }).name === "string" ? [(rule as { name: string }).name] : []));
}

export async function categoryChoices(db: Pick<TenantDb, "routingPolicy">, policyId: string | null): Promise<string[]> {
  const select = { customCategories: true } as const;
  const policy =
    (policyId ? await db.routingPolicy.findFirst({ where: { id: policyId }, select }) : null) ??
    (await db.routingPolicy.findFirst({ where: { isDefault: true }, select }));
  return [...new Set<string>([...BUILTIN_CATEGORIES, ...customNames(policy?.customCategories)])];
}
