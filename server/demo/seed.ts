// The whole seed: global catalog, demo tenant and, on first creation, its traffic history.
import type { PrismaClient } from "../db/generated/client";
import { mergeCatalog } from "../catalog/catalog-snapshot";
import { toRoutingPolicy } from "../catalog/policy-snapshot";
import { UsageWriter } from "../usage/usage-writer";
import { seedDemoTenant, seedGlobalCatalog } from "./seed-demo";
import { generateDemoTraffic } from "./generate-demo-traffic";

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
  const requests = generateDemoTraffic(writer, {
    tenantId: demo.tenantId,
    keys,
    policy: toRoutingPolicy(policy),
    catalog: mergeCatalog(models),
    days: options.days,
    requestsPerDay: options.requestsPerDay,
    now: options.now ?? new Date(),
  });
  await writer.close(120_000);
  if (writer.pending > 0) throw new Error(`Demo traffic could not be written (${writer.pending} records left)`);
  return { ...demo, requests };
}
