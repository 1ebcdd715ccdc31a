import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../../testing/setup-test-database";
import { UsageWriter } from "../../usage/usage-writer";
import { runDriftChecks } from "./run-drift-checks";

const t = setupTestDatabase();

describe("runDriftChecks", () => {
  it("checks at least one tenant per round within its time budget, starting one tenant further on each minute", async () => {
    const writer = new UsageWriter(t.db);
    const tenants: string[] = [];
    for (const name of ["a", "b"]) {
      const tenantId = (await t.db.tenant.create({ data: { name, slug: `budget-${name}-${Date.now()}` } })).id;
      await t.db.model.create({ data: { tenantId, slug: "m1", provider: "simulated", providerModelId: "m1", displayName: "M1", contextWindow: 1000, quality: {}, inputPricePerMTok: 1, outputPricePerMTok: 2 } });
      writer.record({
        id: `${tenantId}-r`, tenantId, apiKeyId: null, teamId: null, policyId: null, endpoint: "openai", requestedModel: "auto", category: "coding",
        categorySource: "classifier", confidence: 0.9, difficulty: 0.4, chosenModel: "m1", provider: "simulated", attempts: [], fallbackCount: 0,
        inputTokens: 10, outputTokens: 5, costUsd: 0.001, baselineCostUsd: null, latencyMs: 300, ttftMs: null, cacheHit: false, stream: false,
        simulated: true, status: 200, errorClass: null, explanation: { summary: "test" }, createdAt: new Date("2026-12-10T09:00:00Z"),
      });
      tenants.push(tenantId);
    }
    await writer.flush();
    // A checked tenant has its prices recorded.
    const recorded = async () => (await t.db.tenant.findMany({ where: { id: { in: tenants } }, select: { id: true, driftPriceSnapshot: true } })).filter((r) => r.driftPriceSnapshot !== null).length;
    const counts = { raised: 0, refreshed: 0, resolved: 0 };
    await t.db.$transaction((tx) => runDriftChecks(tx, new Date("2026-12-10T10:00:00Z"), counts, 0));
    expect(await recorded()).toBe(1);
    await t.db.$transaction((tx) => runDriftChecks(tx, new Date("2026-12-10T10:01:00Z"), counts, 0));
    expect(await recorded()).toBe(2);
    expect(counts).toEqual({ raised: 0, refreshed: 0, resolved: 0 });
  });
});
