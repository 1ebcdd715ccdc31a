// Everything the gateway needs to serve a tenant, loaded in one round of queries and then
// cached (see config-cache.ts): catalog, policies and decrypted provider credentials.
import type { PrismaClient } from "../db/generated/client";
import type { CatalogModel, RouteLearning, RoutingPolicy } from "../routing/types";
import { mergeCatalog } from "../catalog/catalog-snapshot";
import { toRoutingPolicy } from "../catalog/policy-snapshot";
import { decryptSecret } from "../crypto/secret-box";
import { loadTenantLearning, routeLearningOf } from "../learning/load-learning";

export interface ProviderCredentialSecret {
  apiKey: string;
  baseUrl: string | null;
}

export interface TenantConfig {
  tenantId: string;
  catalog: CatalogModel[];
  /** Custom base URL per catalog model (self-hosted OpenAI-compatible models). */
  modelBaseUrls: Map<string, string>;
  policiesById: Map<string, RoutingPolicy>;
  policiesByName: Map<string, RoutingPolicy>;
  defaultPolicyId: string | null;
  /** Per catalog provider ("openai", "anthropic", …); a provider without one is simulated. */
  credentials: Map<string, ProviderCredentialSecret>;
  cacheTtlSecondsByPolicy: Map<string, number | null>;
  /** Per policy, the cap of each stored prompt and answer in bytes; null or absent = the policy stores none. */
  storeBodiesMaxBytesByPolicy?: Map<string, number | null>;
  /** What evaluations may spend per calendar month (UTC), in USD; null = no evaluations. */
  evaluationBudgetUsd: number | null;
  /** What the tenant's evidence has taught routing (refreshed when the learning job folds new evidence). */
  learning: RouteLearning;
}

export async function loadTenantConfig(db: PrismaClient, tenantId: string): Promise<TenantConfig> {
  const [models, policies, credentials, tenant, learned] = await Promise.all([
    db.model.findMany({ where: { OR: [{ tenantId: null }, { tenantId }] } }),
    db.routingPolicy.findMany({ where: { tenantId }, include: { rules: true } }),
    db.providerCredential.findMany({ where: { tenantId }, orderBy: { createdAt: "asc" } }),
    db.tenant.findUnique({ where: { id: tenantId }, select: { evaluationBudgetUsd: true } }),
    loadTenantLearning(db, tenantId),
  ]);
  const catalog = mergeCatalog(models);
  const modelBaseUrls = new Map<string, string>();
  for (const m of models) if (m.baseUrl && (m.tenantId === tenantId || !modelBaseUrls.has(m.slug))) modelBaseUrls.set(m.slug, m.baseUrl);

  const routing = policies.map((p) => [p, toRoutingPolicy(p)] as const);
  const creds = new Map<string, ProviderCredentialSecret>();
  for (const c of credentials) {
    if (!creds.has(c.provider)) creds.set(c.provider, { apiKey: decryptSecret(c.secretEnc), baseUrl: c.baseUrl });
  }
  return {
    tenantId,
    catalog,
    modelBaseUrls,
    policiesById: new Map(routing.map(([, p]) => [p.id, p])),
    policiesByName: new Map(routing.map(([, p]) => [p.name, p])),
    defaultPolicyId: policies.find((p) => p.isDefault)?.id ?? null,
    credentials: creds,
    cacheTtlSecondsByPolicy: new Map(policies.map((p) => [p.id, p.cacheTtlSeconds])),
    storeBodiesMaxBytesByPolicy: new Map(policies.map((p) => [p.id, p.storeBodiesMaxBytes])),
    evaluationBudgetUsd: tenant?.evaluationBudgetUsd == null ? null : Number(tenant.evaluationBudgetUsd),
    learning: routeLearningOf(learned, catalog),
  };
}
