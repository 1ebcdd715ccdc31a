// Data the gateway tests drive it with: the demo tenant and key, provider credentials that
// point real adapters at fake upstreams, policies that force a model order, and extra keys.
import { generateApiKeySecret } from "../auth/api-key-secret";
import type { Db } from "../db/client";
import { encryptSecret, secretHint } from "../crypto/secret-box";
import { seedDemoTenant, seedGlobalCatalog } from "../demo/seed-demo";
import { BUILTIN_CATEGORIES } from "../routing/types";

export interface GatewayTenant {
  tenantId: string;
  /** The demo key: scope "gateway", the tenant's default policy. */
  apiKey: string;
}

export async function seedGatewayTenant(db: Db): Promise<GatewayTenant> {
  await seedGlobalCatalog(db);
  const demo = await seedDemoTenant(db);
  if (!demo.apiKey) throw new Error("The demo tenant already existed; seed a fresh database");
  // No evaluations unless a test asks for them: their challenger and judge calls would reach its fake upstreams.
  await db.tenant.update({ where: { id: demo.tenantId }, data: { evaluationBudgetUsd: null } });
  return { tenantId: demo.tenantId, apiKey: demo.apiKey };
}

/** Catalog provider ("openai", "anthropic", "google", "zhipu") served from `baseUrl` with `apiKey`. */
export async function addProviderCredential(
  db: Db,
  tenantId: string,
  provider: string,
  credential: { baseUrl: string; apiKey: string; masterKey: string },
): Promise<void> {
  await db.providerCredential.create({
    data: {
      tenantId,
      provider,
      baseUrl: credential.baseUrl,
      secretEnc: encryptSecret(credential.apiKey, Buffer.from(credential.masterKey, "base64")),
      secretHint: secretHint(credential.apiKey),
    },
  });
}

/**
 * A policy that allows exactly `models` in every built-in category with no quality bar, so
 * the plan is the cheapest of them first and then the rest in the given order.
 */
export async function createOrderedPolicy(db: Db, tenantId: string, name: string, models: string[]): Promise<void> {
  await db.routingPolicy.create({
    data: {
      tenantId,
      name,
      baselineModelSlug: "claude-opus-4.6",
      rules: {
        create: BUILTIN_CATEGORIES.map((category) => ({ category, qualityBar: 0, allowedModels: models, fallbackOrder: models })),
      },
    },
  });
}

/** Another key of the tenant, e.g. revoked, expired or without the gateway scope. */
export async function issueTestKey(
  db: Db,
  tenantId: string,
  overrides: { scopes?: string[]; revokedAt?: Date; expiresAt?: Date; rpmLimit?: number; tpmLimit?: number } = {},
): Promise<string> {
  const key = generateApiKeySecret();
  await db.apiKey.create({ data: { tenantId, name: "Test key", prefix: key.prefix, hash: key.hash, ...overrides } });
  return key.secret;
}
