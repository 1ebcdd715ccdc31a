// Two tenants with one user per role, a team, the starter policy, a key, a provider credential
// and some traffic each, and callers that act as any of those users.
import type { Db } from "../../db/client";
import { seedGlobalCatalog } from "../../demo/seed-demo";
import { generateApiKeySecret } from "../../auth/api-key-secret";
import { encryptSecret } from "../../crypto/secret-box";
import { createStarterPolicy } from "../../console/policies/create-starter-policy";
import { ROLES, type Role } from "../../console/schemas/roles";
import { createConsoleContext } from "../context";
import { createCaller } from "../root";

export type TenantFixture = Awaited<ReturnType<typeof makeTenant>>;

async function makeTenant(db: Db, name: string) {
  const tenant = await db.tenant.create({ data: { name, slug: name.toLowerCase() } });
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ROLES) {
    const user = await db.user.create({ data: { email: `${role}@${tenant.slug}.test`, passwordHash: "x" }, select: { id: true, email: true } });
    await db.membership.create({ data: { tenantId: tenant.id, userId: user.id, role } });
    users[role] = user;
  }
  await db.$transaction((tx) => createStarterPolicy(tx, tenant.id, users.owner.id));
  const policy = await db.routingPolicy.findFirstOrThrow({ where: { tenantId: tenant.id } });
  const team = await db.team.create({ data: { tenantId: tenant.id, name: "Platform" } });
  const secret = generateApiKeySecret();
  const key = await db.apiKey.create({ data: { tenantId: tenant.id, teamId: team.id, policyId: policy.id, name: "Backend", prefix: secret.prefix, hash: secret.hash } });
  const credential = await db.providerCredential.create({
    data: { tenantId: tenant.id, provider: "openai", secretEnc: encryptSecret(`sk-${name}-secret-value`), secretHint: "alue" },
  });
  const model = await db.model.create({
    data: { tenantId: tenant.id, slug: `${tenant.slug}-private`, provider: "openai-compatible", providerModelId: "llama", displayName: "Private", contextWindow: 8000, quality: {}, baseUrl: "http://127.0.0.1:9/v1" },
  });
  const log = await db.requestLog.create({
    data: {
      id: `req_${tenant.slug}`, tenantId: tenant.id, apiKeyId: key.id, teamId: team.id, policyId: policy.id, endpoint: "openai", requestedModel: "auto",
      category: "coding", chosenModel: "gpt-5.4", provider: "openai", latencyMs: 120, status: 200, costUsd: 0.002,
      attempts: [{ model: "gpt-5.4", provider: "openai", status: 200, errorClass: null, latencyMs: 118 }], explanation: { summary: "coding → gpt-5.4" },
    },
  });
  await db.usageRollup.create({
    data: { tenantId: tenant.id, hour: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)), category: "coding", model: "gpt-5.4", apiKeyId: key.id, requests: 3, costUsd: 1.25, latencyHistogram: [], ttftHistogram: [] },
  });
  return { tenant, users, policy, team, key, keySecret: secret.secret, credential, model, log };
}

export async function makeConsoleFixture(db: Db) {
  await seedGlobalCatalog(db);
  const a = await makeTenant(db, "Alpha");
  const b = await makeTenant(db, "Bravo");
  const as = (userId: string | null, preferredTenantId: string | null = null) => createCaller(createConsoleContext({ db, userId, preferredTenantId }));
  return { a, b, as };
}
