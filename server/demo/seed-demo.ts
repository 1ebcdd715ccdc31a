// Seeds the global model catalog and the demo tenant "Acme" (owner login, two teams, the
// default policy, API keys). Idempotent: nothing is created twice.
import type { PrismaClient } from "../db/generated/client";
import { DEFAULT_CATALOG } from "../routing/defaults";
import { toModelData } from "../catalog/catalog-snapshot";
import { createStarterPolicy } from "../console/policies/create-starter-policy";
import { policySnapshot } from "../console/policies/policy-fields";
import { hashPassword } from "../auth/password";
import { generateApiKeySecret } from "../auth/api-key-secret";

export const DEMO_TENANT_SLUG = "acme";
export const DEMO_LOGIN = { email: "owner@acme.test", password: "switchyard-demo" } as const;
/** The demo's evaluations: a monthly budget, a share of every category, and a judge where one is worth it. */
export const DEMO_EVALUATION = { budgetUsd: 25, share: 0.05, judgeModel: "gpt-5.4", judgedCategories: ["coding", "math", "computer_use"] } as const;

/** Adds catalog entries that are missing; never overwrites figures edited in the console. */
export async function seedGlobalCatalog(db: PrismaClient): Promise<void> {
  const existing = await db.model.findMany({ where: { tenantId: null }, select: { slug: true } });
  const have = new Set(existing.map((m) => m.slug));
  const missing = DEFAULT_CATALOG.filter((m) => !have.has(m.id));
  if (missing.length) await db.model.createMany({ data: missing.map((m) => ({ ...toModelData(m), tenantId: null })) });
}

export interface SeededDemo {
  tenantId: string;
  created: boolean;
  /** The demo key's secret; only known in the run that created it. */
  apiKey: string | null;
}

export async function seedDemoTenant(db: PrismaClient): Promise<SeededDemo> {
  const found = await db.tenant.findUnique({ where: { slug: DEMO_TENANT_SLUG } });
  if (found) return { tenantId: found.id, created: false, apiKey: null };

  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  const demoKey = generateApiKeySecret();
  const backendKey = generateApiKeySecret();

  const tenant = await db.$transaction(async (tx) => {
    const tenant = await tx.tenant.create({ data: { name: "Acme", slug: DEMO_TENANT_SLUG, evaluationBudgetUsd: DEMO_EVALUATION.budgetUsd } });
    const user = await tx.user.upsert({
      where: { email: DEMO_LOGIN.email },
      update: {},
      create: { email: DEMO_LOGIN.email, name: "Acme Owner", passwordHash },
    });
    await tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role: "owner" } });
    const platform = await tx.team.create({ data: { tenantId: tenant.id, name: "Platform" } });
    const product = await tx.team.create({ data: { tenantId: tenant.id, name: "Product" } });
    // The demo answers repeated prompts from the response cache, so the dashboards show hits.
    const policy = await createStarterPolicy(tx, tenant.id, user.id, { cacheTtlSeconds: 3600 });
    // A share needs a judge (the console refuses one without): only the judged categories evaluate.
    await tx.policyRule.updateMany({
      where: { policyId: policy.id, category: { in: [...DEMO_EVALUATION.judgedCategories] } },
      data: { evaluationShare: DEMO_EVALUATION.share, judgeModel: DEMO_EVALUATION.judgeModel },
    });
    // The first version's snapshot is the policy as seeded, evaluation settings included.
    const seeded = await tx.routingPolicy.findUniqueOrThrow({ where: { id: policy.id }, include: { rules: true } });
    await tx.routingPolicyVersion.update({ where: { policyId_version: { policyId: policy.id, version: 1 } }, data: { snapshot: policySnapshot(seeded) } });
    await tx.apiKey.createMany({
      data: [
        { tenantId: tenant.id, teamId: platform.id, policyId: policy.id, name: "Demo key", prefix: demoKey.prefix, hash: demoKey.hash, monthlyBudgetUsd: 500, rpmLimit: 600 },
        { tenantId: tenant.id, teamId: product.id, policyId: policy.id, name: "Product backend", prefix: backendKey.prefix, hash: backendKey.hash, monthlyBudgetUsd: 1500, rpmLimit: 1200, tpmLimit: 2_000_000 },
      ],
    });
    await tx.auditLog.create({
      data: { tenantId: tenant.id, actorUserId: user.id, action: "tenant.seeded", targetType: "tenant", targetId: tenant.id },
    });
    return tenant;
  });
  return { tenantId: tenant.id, created: true, apiKey: demoKey.secret };
}

/** Issues a fresh demo key when the original secret is no longer known (e.g. lost local state). */
export async function issueDemoKey(db: PrismaClient, tenantId: string): Promise<string> {
  const policy = await db.routingPolicy.findFirst({ where: { tenantId, isDefault: true } });
  const team = await db.team.findFirst({ where: { tenantId, name: "Platform" } });
  const key = generateApiKeySecret();
  await db.apiKey.create({
    data: { tenantId, teamId: team?.id, policyId: policy?.id, name: "Demo key (reissued)", prefix: key.prefix, hash: key.hash, rpmLimit: 600 },
  });
  return key.secret;
}
