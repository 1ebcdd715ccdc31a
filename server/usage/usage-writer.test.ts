import { describe, expect, it } from "vitest";
import { DIFFICULTY_DENSE_COUNT } from "../routing/difficulty-features";
import { UnserialisableRecord, UsageWriter, rowJson, type UsageSink } from "./usage-writer";
import type { UsageRecord } from "./usage-record";

const features = { idx: new Int32Array([5, 9]), val: new Float32Array([0.5, 0.25]), n: 2, dense: new Float32Array(DIFFICULTY_DENSE_COUNT), staticDifficulty: 0.4 };

function record(id: number): UsageRecord {
  return {
    id: `req-${id}`, tenantId: "t", apiKeyId: null, teamId: null, policyId: null, endpoint: "openai", requestedModel: "auto",
    category: "coding", categorySource: "classifier", confidence: 0.9, difficulty: 0.4, chosenModel: "m", provider: "p",
    attempts: [], fallbackCount: 0, inputTokens: 1, outputTokens: 1, costUsd: 0, baselineCostUsd: 0, latencyMs: 1, ttftMs: 1,
    cacheHit: false, stream: false, simulated: true, status: 200, errorClass: null, explanation: null, createdAt: new Date(0), features,
  };
}

/** A database that is down until told otherwise, then keeps the rows it is given. */
function sink() {
  const rows: Array<{ id: string; features: unknown }> = [];
  const db = {
    up: false,
    rows,
    async $queryRawUnsafe<T>(_sql: string, json: unknown): Promise<T> {
      if (!db.up) throw new Error("connection refused");
      rows.push(...(JSON.parse(json as string) as typeof rows));
      return [] as T;
    },
  };
  return db satisfies UsageSink;
}

describe("usage writer backlog", () => {
  it("keeps every record while the database is down, but only the first ones keep their learner features", async () => {
    const db = sink();
    const writer = new UsageWriter(db, { maxBufferedWithFeatures: 3, flushIntervalMs: 60_000, onError: () => {} });
    for (let i = 0; i < 5; i++) writer.record(record(i));
    await writer.flush();
    expect(writer.pending).toBe(5);

    db.up = true;
    await writer.close();
    expect(db.rows.map((r) => [r.id, r.features !== null])).toEqual([
      ["req-0", true], ["req-1", true], ["req-2", true], ["req-3", false], ["req-4", false],
    ]);
  });

  it("on close, waits for a batch already being written", async () => {
    const db = sink();
    db.up = true;
    let release!: () => void;
    const insert = db.$queryRawUnsafe.bind(db);
    const slow = { ...db, $queryRawUnsafe: async <T>(sql: string, json: unknown) => (await new Promise<void>((r) => (release = r)), insert<T>(sql, json)) };
    const writer = new UsageWriter(slow, { flushIntervalMs: 60_000, onError: () => {} });
    writer.record(record(1));
    const flushing = writer.flush(); // the batch leaves the queue and waits on the database
    let closed = false;
    const closing = writer.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(false);
    release();
    await Promise.all([flushing, closing]);
    expect(db.rows.map((r) => r.id)).toEqual(["req-1"]);
  });
});

describe("usage writer batches", () => {
  it("writes in one flush what was recorded before it began; what arrives during its insert waits for the next", async () => {
    const db = sink();
    db.up = true;
    let release!: () => void;
    const insert = db.$queryRawUnsafe.bind(db);
    let calls = 0;
    const slow = { ...db, $queryRawUnsafe: async <T>(sql: string, json: unknown) => (calls++ === 0 && (await new Promise<void>((r) => (release = r))), insert<T>(sql, json)) };
    const writer = new UsageWriter(slow, { flushIntervalMs: 60_000 });
    writer.record(record(1));
    writer.record(record(2));
    const flushing = writer.flush();
    await new Promise((r) => setTimeout(r, 10));
    writer.record(record(3));
    await new Promise((r) => setImmediate(r)); // serialised and queued while the first insert waits
    release();
    await flushing;
    expect(db.rows.map((r) => r.id)).toEqual(["req-1", "req-2"]);
    expect(writer.pending).toBe(1);
    await writer.flush();
    expect(db.rows.map((r) => r.id)).toEqual(["req-1", "req-2", "req-3"]);
    await writer.close();
  });

  it("drops and reports a record that cannot be serialised, and writes the others", async () => {
    const db = sink();
    db.up = true;
    const errors: unknown[] = [];
    const writer = new UsageWriter(db, { flushIntervalMs: 60_000, onError: (e) => errors.push(e) });
    writer.record({ ...record(1), explanation: { tokens: 1n } });
    writer.record(record(2));
    await writer.close();
    expect(db.rows.map((r) => r.id)).toEqual(["req-2"]);
    expect(writer.dropped).toBe(1);
    expect(errors).toEqual([expect.any(UnserialisableRecord)]);
  });
});

describe("usage row serialisation", () => {
  type Row = { requestedModel: string; explanation: string | null; attempts: string };
  const rowsOf = (batch: UsageRecord[]) => batch.map((r) => JSON.parse(rowJson(r)) as Row);

  it("cleans NUL bytes and lone surrogates, and leaves other escapes and text as they are", () => {
    // No escape at all (the usual record), then a record whose text holds the six characters "\u0000".
    const plain = { ...record(3), explanation: { summary: "general → m (−22%)", notes: ["tab\there"] } };
    const clean = { ...record(1), explanation: { summary: "general → m (−22%)", notes: ["a \\u0000 as plain text", "tab\there"] } };
    const dirty = { ...record(2), requestedModel: "gpt\u0000-x\uD800", explanation: { summary: "note \uDC00", notes: ["a\u0000b"] } };
    for (const one of [plain, clean]) expect(JSON.parse(rowsOf([one])[0]!.explanation!)).toEqual(one.explanation);
    const rows = rowsOf([clean, dirty]);
    expect(rows[1]!.requestedModel).toMatch(/^gpt[^\u0000]-x[^\ud800]$/);
    // The explanation travels as JSON text: no NUL or lone surrogate escape is left in that text either.
    expect(rows[1]!.explanation).not.toMatch(/\\u(0000|d[89a-f])/);
    const explanation = JSON.parse(rows[1]!.explanation!) as { summary: string; notes: string[] };
    expect(explanation.summary).toMatch(/^note [^\udc00]$/);
    expect(explanation.notes[0]).toMatch(/^a[^\u0000]b$/);
    // The clean record's text is untouched, the six characters "\u0000" in it included.
    expect(JSON.parse(rows[0]!.explanation!)).toEqual(clean.explanation);
    // A lone surrogate alone (no NUL anywhere in the record) is found too.
    expect(rowsOf([{ ...record(4), requestedModel: "m\uDBFF" }])[0]!.requestedModel).toMatch(/^m[^\udbff]$/);
  });

  it("sends the JSON columns as JSON text, and no explanation as null", () => {
    const attempts = [{ model: "m", provider: "p", status: 429, errorClass: "rate_limited", latencyMs: 3 }];
    const [row] = rowsOf([{ ...record(5), attempts }]);
    expect(row!.explanation).toBeNull();
    expect(JSON.parse(row!.attempts)).toEqual(attempts);
  });
});
