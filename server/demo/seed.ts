// The whole seed: global catalog, demo tenant and, on first creation, its traffic history.
import type { PrismaClient } from "../db/generated/client";
import { mergeCatalog } from "../catalog/catalog-snapshot";
import { toRoutingPolicy } from "../catalog/policy-snapshot";
import { UsageWriter } from "../usage/usage-writer";
import { seedDemoTenant, seedGlobalCatalog } from "./seed-demo";
import { generateDemoTraffic } from "./generate-demo-traffic";
import { buildDemoEvidence, demoRequestOf, type DemoRequest } from "./demo-evidence";
import { writeDemoEvidence } from "./write-demo-evidence";

export interface SeedOptions {
  days: number;
  requestsPerDay: number;
  now?: Date;
}

export interface SeedResult {
  tenantId: string;
  created: boolean;
  apiKey: string | null;
  requests: number;
}

export async function seed(db: PrismaClient, options: SeedOptions): Promise<SeedResult> {
  await seedGlobalCatalog(db);
  const demo = await seedDemoTenant(db);
  if (!demo.created) return { ...demo, requests: 0 };

  const [models, policy, keys] = await Promise.all([
    db.model.findMany({ where: { OR: [{ tenantId: null }, { tenantId: demo.tenantId }] } }),
    db.routingPolicy.findFirstOrThrow({ where: { tenantId: demo.tenantId, isDefault: true }, include: { rules: true } }),
    db.apiKey.findMany({ where: { tenantId: demo.tenantId }, select: { id: true, teamId: true } }),
  ]);
  const writer = new UsageWriter(db, { batchSize: 2000 });
  const records: DemoRequest[] = [];
  const now = options.now ?? new Date();
  const routing = toRoutingPolicy(policy);
  const catalog = mergeCatalog(models);
  const requests = generateDemoTraffic(writer, {
    tenantId: demo.tenantId,
    keys,
    policy: routing,
    catalog,
    days: options.days,
    requestsPerDay: options.requestsPerDay,
    now,
    onRecord: (record) => records.push(demoRequestOf(record)),
  });
  await writer.close(120_000);
  if (writer.pending > 0) throw new Error(`Demo traffic could not be written (${writer.pending} records left)`);
  // After the log rows: the learning job folds an event only once its request's row exists.
  const tenant = await db.tenant.findUniqueOrThrow({ where: { id: demo.tenantId }, select: { evaluationBudgetUsd: true } });
  const budget = tenant.evaluationBudgetUsd === null ? null : Number(tenant.evaluationBudgetUsd);
  await writeDemoEvidence(db, buildDemoEvidence({ tenantId: demo.tenantId, policy: routing, catalog, records, evaluationBudgetUsd: budget, now }));
  return { ...demo, requests };
}
