import { describe, expect, it } from "vitest";
import { DEFAULT_DRIFT_SETTINGS } from "../../console/schemas/drift-settings";
import { setupTestDatabase } from "../../testing/setup-test-database";
import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from "../../usage/latency-buckets";
import { UsageWriter } from "../../usage/usage-writer";
import type { UsageRecord } from "../../usage/usage-record";
import { driftWindows, loadDriftWindows } from "./load-drift-windows";

const t = setupTestDatabase();

let n = 0;
function request(tenantId: string, at: string, over: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: `${tenantId}-r${n++}`, tenantId, apiKeyId: null, teamId: null, policyId: null, endpoint: "openai", requestedModel: "auto",
    category: "coding", categorySource: "classifier", confidence: 0.9, difficulty: 0.4, chosenModel: "m1", provider: "simulated", attempts: [],
    fallbackCount: 0, inputTokens: 100, outputTokens: 50, costUsd: 0.01, baselineCostUsd: null, latencyMs: 320, ttftMs: 100, cacheHit: false,
    stream: true, simulated: true, status: 200, errorClass: null, explanation: { summary: "test" }, createdAt: new Date(at), ...over,
  };
}

const histogram = (...latencies: number[]) => {
  const counts = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  for (const ms of latencies) counts[latencyBucketIndex(ms)]!++;
  return counts;
};

describe("loadDriftWindows", () => {
  it("sums each window from the hourly and daily rollups, the hourly means' moments, and the capped evidence", async () => {
    const tenantId = (await t.db.tenant.create({ data: { name: "Windows", slug: `windows-${Date.now()}` } })).id;
    // Windows: reference [Dec 2 11:00, Dec 9 11:00), recent [Dec 9 11:00, Dec 10 11:00).
    const windows = driftWindows(new Date("2026-12-10T10:30:00Z"), DEFAULT_DRIFT_SETTINGS);
    expect(windows).toEqual({ referenceFrom: new Date("2026-12-02T11:00:00Z"), recentFrom: new Date("2026-12-09T11:00:00Z"), to: new Date("2026-12-10T11:00:00Z") });
    const recentA = request(tenantId, "2026-12-09T12:00:00Z", { latencyMs: 800, ttftMs: 300 });
    const recentB = request(tenantId, "2026-12-10T10:05:00Z", { latencyMs: 900, ttftMs: null, stream: false });
    const writer = new UsageWriter(t.db);
    for (const r of [
      request(tenantId, "2026-12-02T10:00:00Z", { latencyMs: 5000 }), // before the reference window, on its first (partial) day
      request(tenantId, "2026-12-02T12:00:00Z", { latencyMs: 120, status: 500, costUsd: null, errorClass: "server" }), // partial first day: hourly rows
      request(tenantId, "2026-12-03T05:00:00Z"), // whole day: the daily row
      request(tenantId, "2026-12-09T08:00:00Z", { fallbackCount: 1, signals: ["empty", "truncated"] }), // partial last day: hourly rows
      recentA, recentB,
      request(tenantId, "2026-12-09T13:00:00Z", { chosenModel: null, category: null, status: 401 }), // no model: not a series
    ]) writer.record(r);
    await writer.flush();
    await t.db.feedback.createMany({
      data: [
        { tenantId, requestId: recentA.id, apiKeyId: "k1", score: 1, createdAt: new Date("2026-12-09T12:01:00Z") },
        { tenantId, requestId: recentA.id, apiKeyId: "k2", score: 0, createdAt: new Date("2026-12-09T12:02:00Z") },
        { tenantId, requestId: recentB.id, apiKeyId: "k1", score: 0.5, createdAt: new Date("2026-12-10T10:06:00Z") },
      ],
    });
    const evaluation = { tenantId, requestId: "r", category: "coding", servedModel: "m1", challengerModel: "m2", judgeModel: "j" };
    await t.db.evaluation.createMany({
      data: [
        { ...evaluation, status: "ok", servedWins: 1, createdAt: new Date("2026-12-04T00:00:00Z") },
        { ...evaluation, status: "ok", servedWins: 0.5, createdAt: new Date("2026-12-05T00:00:00Z") },
        { ...evaluation, status: "judge_failed", servedWins: null, createdAt: new Date("2026-12-05T00:00:00Z") },
      ],
    });

    const [series] = await t.db.$transaction((tx) => loadDriftWindows(tx, tenantId, windows));
    expect(series).toMatchObject({ model: "m1", category: "coding" });
    expect(series!.reference).toEqual({
      requests: 3, errors: 1, fallbacks: 1, badAnswers: 1,
      latencyHistogram: histogram(120, 320, 320), ttftHistogram: histogram(100, 100, 100),
      // Three hours with traffic, 150 tokens a request each; cost only where a request succeeded.
      hourlyTokensPerRequest: { n: 3, sum: 450, sumSq: 3 * 150 * 150 },
      hourlyCostPerRequest: { n: 2, sum: 0.02, sumSq: 0.0002 },
      feedback: { n: 0, sum: 0, sumSq: 0 },
      judged: { n: 2, sum: 1.5, sumSq: 1.25 },
    });
    expect(series!.recent).toMatchObject({
      requests: 2, errors: 0, latencyHistogram: histogram(800, 900), ttftHistogram: histogram(300),
      feedback: { n: 3, sum: 1.5, sumSq: 1.25 }, judged: { n: 0, sum: 0, sumSq: 0 },
    });

    // At most the newest `evidenceCap` feedback scores and judgements per window.
    const [capped] = await t.db.$transaction((tx) => loadDriftWindows(tx, tenantId, windows, 1));
    expect(capped!.recent.feedback).toEqual({ n: 1, sum: 0.5, sumSq: 0.25 });
    expect(capped!.reference.judged).toEqual({ n: 1, sum: 0.5, sumSq: 0.25 });
  });
});
