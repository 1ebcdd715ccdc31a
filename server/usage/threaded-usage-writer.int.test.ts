// The usage writer on its own thread, run from the bundle the entry points use (built by the
// integration set-up), against a real database: what the serving thread hands over is written
// exactly as the in-thread writer writes it, close() waits for it, a record that cannot be handed
// over is dropped and reported alone, and once the thread ends the serving thread writes.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { decodeStoredFeatures } from "../learning/stored-features";
import { DIFFICULTY_DENSE_COUNT } from "../routing/difficulty-features";
import { ThreadedUsageWriter, type UsageThreadSettings } from "./threaded-usage-writer";
import { UsageWriter } from "./usage-writer";
import { USAGE_THREAD_BUNDLE } from "./usage-thread-bundle";
import type { UsageRecord } from "./usage-record";

const t = setupTestDatabase();
const THREAD_FILE = path.resolve(".gateway", USAGE_THREAD_BUNDLE);
let tenantId = "";

function record(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: randomUUID(), tenantId, apiKeyId: null, teamId: null, policyId: null, endpoint: "openai",
    requestedModel: "auto", category: "coding", categorySource: "classifier", confidence: 0.9, difficulty: 0.4,
    chosenModel: "gpt-5.4", provider: "openai", attempts: [{ model: "gpt-5.4", provider: "openai", status: 200, errorClass: null, latencyMs: 300 }],
    fallbackCount: 0, inputTokens: 100, outputTokens: 50, costUsd: 0.00125, baselineCostUsd: 0.00175, latencyMs: 420, ttftMs: 180,
    cacheHit: false, stream: false, simulated: true, status: 200, errorClass: null, explanation: { summary: "test", candidates: [{ model: "gpt-5.4" }] },
    createdAt: new Date("2026-11-20T10:15:00Z"), ...overrides,
  };
}

function writerWithThreads(file = THREAD_FILE) {
  const errors: unknown[] = [];
  const threads: Worker[] = [];
  const settings: UsageThreadSettings = { databaseUrl: t.url, flushIntervalMs: 50 };
  const fallbacks: UsageWriter[] = [];
  const writer = new ThreadedUsageWriter(() => {
    const thread = new Worker(file, { workerData: settings });
    threads.push(thread);
    return thread;
  }, {
    onError: (error) => errors.push(error),
    fallback: () => {
      fallbacks.push(new UsageWriter(t.db, { flushIntervalMs: 50 }));
      return fallbacks.at(-1)!;
    },
  });
  return { writer, errors, threads, fallbacks };
}

const logged = (ids: string[]) => t.db.requestLog.count({ where: { id: { in: ids } } });

describe("ThreadedUsageWriter", () => {
  beforeAll(async () => {
    tenantId = (await t.db.tenant.create({ data: { name: "Threaded", slug: `threaded-${randomUUID()}` } })).id;
  });

  it("writes what it is handed, features included, and close() returns once it is written", async () => {
    const { writer, errors, threads } = writerWithThreads();
    const features = { idx: new Int32Array([5, 4099, 5]), val: new Float32Array([0.25, 0.2500001, 0.25]), n: 3, dense: new Float32Array(DIFFICULTY_DENSE_COUNT).fill(0.125), staticDifficulty: 0.7 };
    const records = [record({ features, signals: ["truncated"], finishReason: "length" }), ...Array.from({ length: 300 }, () => record())];
    for (const r of records) writer.record(r);
    await writer.close(5_000);
    expect(errors).toEqual([]);
    expect(threads).toHaveLength(1);
    expect(await logged(records.map((r) => r.id))).toBe(records.length);
    const row = await t.db.requestLog.findUniqueOrThrow({ where: { id: records[0]!.id } });
    expect(row).toMatchObject({ finishReason: "length", signals: ["truncated"], explanation: { summary: "test", candidates: [{ model: "gpt-5.4" }] }, createdAt: new Date("2026-11-20T10:15:00Z") });
    expect(decodeStoredFeatures(row.features)).toMatchObject({ idx: [5, 4099 & 4095], val: [0.5, 0.25], staticDifficulty: 0.7, n: 2 });
    await threads[0]!.terminate();
  });

  it("drops and reports only a record that cannot be handed over", async () => {
    const { writer, errors, threads } = writerWithThreads();
    const good = [record(), record()];
    const bad = record({ explanation: { summary: "broken", render: () => "not data" } });
    writer.record(good[0]!);
    writer.record(bad);
    writer.record(good[1]!);
    await writer.close(5_000);
    expect(await logged(good.map((r) => r.id))).toBe(2);
    expect(await logged([bad.id])).toBe(0);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain(`the usage record of ${bad.id} could not be serialised and was dropped`);
    await threads[0]!.terminate();
  });

  it("writes on the serving thread once the thread has ended, rather than start another", async () => {
    const { writer, errors, threads, fallbacks } = writerWithThreads();
    const first = record();
    writer.record(first);
    await writer.close(5_000);
    await threads[0]!.terminate();
    const later = [record(), record()];
    for (const r of later) writer.record(r);
    await writer.close(5_000);
    expect(threads).toHaveLength(1);
    expect(fallbacks).toHaveLength(1);
    expect(await logged([first.id, ...later.map((r) => r.id)])).toBe(3);
    expect(errors).toEqual([]);
  });

  it("reports a thread that cannot start, and loses only what was handed to it", async () => {
    const broken = path.resolve(".gateway", "no-such-usage-thread.mjs");
    const { writer, errors, threads, fallbacks } = writerWithThreads(broken);
    const lost = record();
    writer.record(lost);
    await new Promise<void>((resolve) => setImmediate(resolve));
    await new Promise((resolve) => threads[0]!.once("exit", resolve));
    const later = record();
    writer.record(later);
    await writer.close(5_000);
    expect(threads).toHaveLength(1);
    expect(fallbacks).toHaveLength(1);
    expect(await logged([lost.id])).toBe(0);
    expect(await logged([later.id])).toBe(1);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("the usage writer's thread failed");
  });

  it("writes on the serving thread when no thread can be started at all", async () => {
    // A relative path without "./" is refused by the Worker constructor itself, synchronously.
    const { writer, errors, threads, fallbacks } = writerWithThreads("usage-writer-thread.mjs");
    const records = [record(), record()];
    for (const r of records) writer.record(r);
    await writer.close(5_000);
    expect(threads).toHaveLength(0);
    expect(fallbacks).toHaveLength(1);
    expect(await logged(records.map((r) => r.id))).toBe(2);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("usage is written on the main thread from now on");
  });
});
