// Embeddings requests in the dashboard: counted in requests and spend, and per model, beside
// chat requests, although they have no category.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { forTenant } from "../db/tenant-scope";
import { UsageWriter } from "../usage/usage-writer";
import type { UsageRecord } from "../usage/usage-record";
import { DEFAULT_DASHBOARD_FILTERS, type DashboardFilters } from "./dashboard-filters";
import { getDashboardKpis } from "./get-dashboard-kpis";
import { getCategoryMix } from "./get-category-mix";

const t = setupTestDatabase();
const NOW = new Date("2026-11-20T12:30:00Z");
const last24h: DashboardFilters = { ...DEFAULT_DASHBOARD_FILTERS, range: "24h" };
let tenantId: string;

function usage(tenant: string, minutesAgo: number, fields: Partial<UsageRecord>): UsageRecord {
  return {
    id: randomUUID(), tenantId: tenant, apiKeyId: null, teamId: null, policyId: null, endpoint: "openai", requestedModel: "auto",
    category: "general", categorySource: "classifier", confidence: 0.9, difficulty: 0.3, chosenModel: "gpt-5.4", provider: "openai", attempts: [],
    fallbackCount: 0, inputTokens: 100, outputTokens: 50, costUsd: 0.001, baselineCostUsd: 0.002, latencyMs: 400, ttftMs: 200, cacheHit: false,
    stream: false, simulated: false, status: 200, errorClass: null, explanation: null, createdAt: new Date(NOW.getTime() - minutesAgo * 60_000), ...fields,
  };
}

const embedding = (minutesAgo: number) => usage(tenantId, minutesAgo, {
  endpoint: "openai-embeddings", requestedModel: "text-embedding-3-small", category: null, categorySource: null, confidence: null, difficulty: null,
  chosenModel: "text-embedding-3-small", inputTokens: 5_000, outputTokens: 0, costUsd: 0.0001, baselineCostUsd: null, ttftMs: 90,
});

beforeAll(async () => {
  tenantId = (await t.db.tenant.create({ data: { name: "Emb", slug: "emb" } })).id;
  const writer = new UsageWriter(t.db, { batchSize: 50 });
  for (const record of [usage(tenantId, 60, {}), usage(tenantId, 120, {}), embedding(30), embedding(90), embedding(150)]) writer.record(record);
  await writer.close(30_000);
});

describe("embeddings in the dashboard", () => {
  const scope = () => ({ db: forTenant(t.db, tenantId), tenantId });

  it("counts embeddings requests and spend in the key figures, and per model", async () => {
    const { kpis } = await getDashboardKpis(scope(), last24h, NOW);
    expect(kpis.requests.value).toBe(5);
    expect(kpis.spendUsd.value).toBeCloseTo(2 * 0.001 + 3 * 0.0001, 10);

    const embeddingsOnly = await getDashboardKpis(scope(), { ...last24h, model: "text-embedding-3-small" }, NOW);
    expect(embeddingsOnly.kpis.requests.value).toBe(3);
    expect(embeddingsOnly.kpis.spendUsd.value).toBeCloseTo(0.0003, 10);

    const { mix } = await getCategoryMix(scope(), last24h, NOW);
    const perModel = mix.categories.flatMap((c) => c.models).filter((m) => m.model === "text-embedding-3-small");
    expect(perModel.reduce((s, m) => s + m.requests, 0)).toBe(3);
    expect(perModel.reduce((s, m) => s + m.costUsd, 0)).toBeCloseTo(0.0003, 10);
  });
});
