import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { startTcpProxy, type TcpProxy } from "../testing/tcp-proxy";
import { createPrismaClient, type Db } from "../db/client";
import { UsageWriter } from "./usage-writer";
import { REQUEST_LOG_COLUMNS } from "./request-log-columns";
import type { UsageRecord } from "./usage-record";
import { LATENCY_BUCKET_COUNT, latencyBucketIndex } from "./latency-buckets";
import { decodeStoredFeatures } from "../learning/stored-features";
import { DIFFICULTY_DENSE_COUNT } from "../routing/difficulty-features";

const t = setupTestDatabase();
let keyId = "";

function record(tenantId: string, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: randomUUID(), tenantId, apiKeyId: keyId, teamId: null, policyId: "pol-1", endpoint: "openai",
    requestedModel: "auto", category: "coding", categorySource: "classifier", confidence: 0.9, difficulty: 0.4,
    chosenModel: "gpt-5.4", provider: "openai", attempts: [], fallbackCount: 0, inputTokens: 100, outputTokens: 50,
    costUsd: 0.00125, baselineCostUsd: 0.00175, latencyMs: 420, ttftMs: 180, cacheHit: false, stream: false,
    simulated: true, status: 200, errorClass: null, explanation: { summary: "test" },
    createdAt: new Date("2026-11-20T10:15:00Z"), ...overrides,
  };
}

async function rollupTotals(db: Db, tenantId: string) {
  const rows = await db.usageRollup.findMany({ where: { tenantId } });
  return {
    rows: rows.length,
    requests: rows.reduce((s, r) => s + r.requests, 0),
    errors: rows.reduce((s, r) => s + r.errors, 0),
    unpriced: rows.reduce((s, r) => s + r.unpriced, 0),
    cost: rows.reduce((s, r) => s + Number(r.costUsd), 0),
    histogram: rows.reduce((acc, r) => acc.map((v, i) => v + (r.latencyHistogram[i] ?? 0)), new Array(LATENCY_BUCKET_COUNT).fill(0)),
  };
}

describe("usage writer", () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = (await t.db.tenant.create({ data: { name: "Usage", slug: `usage-${randomUUID()}` } })).id;
    keyId = (await t.db.apiKey.create({ data: { tenantId, name: "k", prefix: "sy_test", hash: randomUUID() } })).id;
  });

  it("writes request rows and hourly rollups in one go, and counts a retried batch once", async () => {
    const writer = new UsageWriter(t.db);
    const records = [
      record(tenantId),
      record(tenantId, { latencyMs: 2500 }),
      record(tenantId, { createdAt: new Date("2026-11-20T11:05:00Z"), costUsd: null, chosenModel: "glm-5" }),
      record(tenantId, { status: 502, errorClass: "upstream", costUsd: 0 }),
    ];
    for (const r of records) writer.record(r);
    await writer.flush();
    expect(await t.db.requestLog.count({ where: { tenantId } })).toBe(4);

    // A batch whose commit was not acknowledged is sent again: nothing is counted twice.
    const again = new UsageWriter(t.db);
    for (const r of records) again.record(r);
    await again.flush();
    expect(await t.db.requestLog.count({ where: { tenantId } })).toBe(4);

    const totals = await rollupTotals(t.db, tenantId);
    // Rows 1, 2 and 4 share an hour and a model; row 3 has its own.
    expect(totals).toMatchObject({ rows: 2, requests: 4, errors: 1, unpriced: 1 });
    expect(totals.cost).toBeCloseTo(0.0025, 8);
    expect(totals.histogram[latencyBucketIndex(420)]).toBe(3);
    expect(totals.histogram[latencyBucketIndex(2500)]).toBe(1);

    const unpriced = await t.db.requestLog.findFirstOrThrow({ where: { tenantId, chosenModel: "glm-5" } });
    expect(unpriced.costUsd).toBeNull();

    // The key's last use moves to its newest request, in the same statement.
    const key = await t.db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(key.lastUsedAt).toEqual(new Date("2026-11-20T11:05:00Z"));
  });

  it("keeps finish reason, signals and features, and counts the signals in both rollup grains once, queuing no learning event", async () => {
    const own = (await t.db.tenant.create({ data: { name: "Signals", slug: `signals-${randomUUID()}` } })).id;
    // As the gateway copies them from the router: raw hashes, typed arrays, unrounded values.
    const features = { idx: new Int32Array([5, 4099, 5]), val: new Float32Array([0.25, 0.2500001, 0.25]), n: 3, dense: new Float32Array(DIFFICULTY_DENSE_COUNT).fill(0.125), staticDifficulty: 0.7 };
    const records = [
      record(own, { finishReason: "length", signals: ["truncated", "fallback"], fallbackCount: 1, features }),
      record(own, { finishReason: "stop", signals: [] }),
      // Older producers leave the new fields out.
      record(own),
      record(own, { finishReason: "content_filter", signals: ["empty", "refusal"] }),
      record(own, { finishReason: "stop", signals: ["refusal"], createdAt: new Date("2026-11-20T13:40:00Z") }),
      record(own, { status: 502, chosenModel: null, signals: ["error"], attempts: [{ model: "glm-5", provider: "zhipu", status: 500, errorClass: "server_error", latencyMs: 30 }] }),
    ];
    const writer = new UsageWriter(t.db);
    for (const r of records) writer.record(r);
    await writer.flush();
    // A retried batch counts nothing twice.
    const again = new UsageWriter(t.db);
    for (const r of records) again.record(r);
    await again.flush();

    const truncated = await t.db.requestLog.findUniqueOrThrow({ where: { id: records[0]!.id } });
    expect(truncated).toMatchObject({ finishReason: "length", signals: ["truncated", "fallback"] });
    expect(decodeStoredFeatures(truncated.features)).toMatchObject({ idx: [5, 4099 & 4095], val: [0.5, 0.25], staticDifficulty: 0.7, n: 2 });
    expect(await t.db.requestLog.findUniqueOrThrow({ where: { id: records[2]!.id } })).toMatchObject({ finishReason: null, signals: [], features: null });

    const columns = { requests: true, errors: true, fallbacks: true, emptyAnswers: true, refusals: true, truncations: true } as const;
    const hourly = await t.db.usageRollup.findMany({ where: { tenantId: own }, select: { hour: true, model: true, ...columns }, orderBy: [{ hour: "asc" }, { model: "asc" }] });
    expect(hourly).toEqual([
      // The failed request served no model: it is rolled up under "".
      { hour: new Date("2026-11-20T10:00:00Z"), model: "", requests: 1, errors: 1, fallbacks: 0, emptyAnswers: 0, refusals: 0, truncations: 0 },
      { hour: new Date("2026-11-20T10:00:00Z"), model: "gpt-5.4", requests: 4, errors: 0, fallbacks: 1, emptyAnswers: 1, refusals: 1, truncations: 1 },
      { hour: new Date("2026-11-20T13:00:00Z"), model: "gpt-5.4", requests: 1, errors: 0, fallbacks: 0, emptyAnswers: 0, refusals: 1, truncations: 0 },
    ]);
    const daily = await t.db.usageRollupDaily.findMany({ where: { tenantId: own }, select: { model: true, ...columns }, orderBy: { model: "asc" } });
    expect(daily).toEqual([
      { model: "", requests: 1, errors: 1, fallbacks: 0, emptyAnswers: 0, refusals: 0, truncations: 0 },
      { model: "gpt-5.4", requests: 5, errors: 0, fallbacks: 1, emptyAnswers: 1, refusals: 2, truncations: 1 },
    ]);
    expect(await t.db.learningEvent.count({ where: { tenantId: own } })).toBe(0);
  });

  it("writes a batch in which one record carries a NUL byte and lone surrogates, with those characters replaced", async () => {
    const errors: unknown[] = [];
    const writer = new UsageWriter(t.db, { onError: (e) => errors.push(e) });
    const odd = record(tenantId, { requestedModel: "gpt\u0000-x\uD800", errorClass: "request_error", explanation: { summary: "note \uDC00", notes: ["a\u0000b"] } });
    const normal = record(tenantId);
    writer.record(odd);
    writer.record(normal);
    await writer.flush();
    expect(errors).toEqual([]);
    expect(writer.pending).toBe(0);
    const rows = await t.db.requestLog.findMany({ where: { id: { in: [odd.id, normal.id] } } });
    expect(rows).toHaveLength(2);
    const stored = rows.find((r) => r.id === odd.id)!;
    expect(stored.requestedModel).toBe("gpt\uFFFD-x\uFFFD");
    expect(stored.explanation).toEqual({ summary: "note \uFFFD", notes: ["a\uFFFDb"] });
  });

  it("names every column of the migrated RequestLog table in its insert, with the table's own types", async () => {
    const columns = await t.db.$queryRawUnsafe<Array<{ name: string; type: string }>>(
      `SELECT attname::text AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = '"RequestLog"'::regclass AND attnum > 0 AND NOT attisdropped`,
    );
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(REQUEST_LOG_COLUMNS.map(([name, type]) => ({ name, type })).sort(byName)).toEqual(columns.sort(byName));
  });

  it("keeps every field of a record, the JSON columns as the objects they were", async () => {
    const writer = new UsageWriter(t.db);
    const attempts = [{ model: "gpt-5.4", provider: "openai", status: 429, errorClass: "rate_limited", latencyMs: 12 }];
    const explanation = { summary: "coding → glm-5", candidates: [{ modelId: "glm-5", expectedCostUsd: 0.0017150000000000002, quality: null }], notes: ['a "quoted" \\ note'] };
    const full = record(tenantId, {
      attempts, explanation, fallbackCount: 1, estimatedInputTokens: 23, maxOutputTokens: 64, forcedCategory: "coding",
      classifierCategory: "math", classifierConfidence: 0.4996035327292084, needsStructuredOutput: true, cachedInputTokens: 7,
      cacheWriteTokens: 3, finishReason: "length", signals: ["truncated"], teamId: null, ttftMs: null,
    });
    writer.record(full);
    await writer.flush();
    const { body: _body, features: _features, ...stored } = await t.db.requestLog.findUniqueOrThrow({ where: { id: full.id }, include: { body: true } });
    const { bodies: _bodies, features: _f, costUsd, baselineCostUsd, ...expected } = full;
    expect({ ...stored, costUsd: Number(stored.costUsd), baselineCostUsd: Number(stored.baselineCostUsd) }).toEqual({ ...expected, costUsd, baselineCostUsd });
  });

  describe("during a database outage", () => {
    let proxy: TcpProxy;
    let db: Db;
    beforeAll(async () => {
      const target = new URL(t.url);
      proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
      target.hostname = "127.0.0.1";
      target.port = String(proxy.port);
      db = createPrismaClient(target.toString());
    });
    afterAll(async () => {
      await db.$disconnect();
      await proxy.close();
    });

    it("keeps records while the database is unreachable and writes them once it is back", async () => {
      const errors: unknown[] = [];
      const writer = new UsageWriter(db, { flushIntervalMs: 20, maxBackoffMs: 100, onError: (e) => errors.push(e) });
      const before = await t.db.requestLog.count({ where: { tenantId } });
      await proxy.cut();
      for (let i = 0; i < 25; i++) writer.record(record(tenantId));
      await writer.flush();
      expect(errors.length).toBeGreaterThan(0);
      expect(writer.pending).toBe(25);

      await proxy.restore();
      await writer.close(10_000);
      expect(writer.pending).toBe(0);
      expect(await t.db.requestLog.count({ where: { tenantId } })).toBe(before + 25);
      expect((await rollupTotals(t.db, tenantId)).requests).toBe(before + 25);
    });
  });
});
