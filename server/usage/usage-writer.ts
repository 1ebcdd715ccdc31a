// Batches usage records off the hot path. A failed batch goes back to the head of the queue
// and is retried with backoff; request ids make the insert idempotent, so a batch that
// committed but whose acknowledgement was lost is not counted twice.
import { toStorableText } from "../db/storable-text";
import { encodeStoredFeatures } from "../learning/stored-features";
import type { UsageRecord } from "./usage-record";
import { redactSecrets } from "./redact-secrets";
import { INSERT_REQUESTS_WITH_ROLLUPS_SQL } from "./rollup-sql";

export interface UsageSink {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

export interface UsageWriterOptions {
  flushIntervalMs?: number;
  batchSize?: number;
  /** Records held while the database is unreachable; beyond it the oldest are dropped and counted. */
  maxBuffered?: number;
  /**
   * Queued records beyond which new ones shed their learner features and stored bodies. Features
   * are a few KB a record, bodies up to their policy's cap; a backlog keeps what billing and the
   * logs need, and learning and the body view miss those requests.
   */
  maxBufferedWithFeatures?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown) => void;
  /** Sees every record as it is queued (the gateway's metrics and traces); absent when nothing does. */
  onRecord?: (record: UsageRecord) => void;
}

export class UsageWriter {
  private queue: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private failures = 0;
  private retryAt = 0;
  dropped = 0;
  written = 0;

  private readonly flushIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly maxBufferedWithFeatures: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly db: UsageSink, private readonly options: UsageWriterOptions = {}) {
    this.flushIntervalMs = options.flushIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 200_000;
    this.maxBufferedWithFeatures = options.maxBufferedWithFeatures ?? 10_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  get pending(): number {
    return this.queue.length;
  }

  record(record: UsageRecord): void {
    this.options.onRecord?.(record);
    const shed = this.queue.length >= this.maxBufferedWithFeatures && (record.features || record.bodies);
    this.queue.push(shed ? { ...record, features: null, bodies: null } : record);
    if (this.queue.length > this.maxBuffered) {
      this.queue.shift();
      this.dropped++;
    }
    this.schedule();
  }

  /** Writes everything queued so far; resolves when the queue is empty or a write failed. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.drain().finally(() => (this.flushing = null));
    await this.flushing;
  }

  /** Flushes, retrying until done or the deadline passes; for graceful shutdown. */
  async close(deadlineMs = 10_000): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const deadline = Date.now() + deadlineMs;
    // A batch being written has already left the queue: wait for it too, or the process may exit
    // with its insert half-way.
    while ((this.queue.length > 0 || this.flushing) && Date.now() < deadline) {
      this.retryAt = 0;
      await this.flush();
      if (this.queue.length > 0) await new Promise((r) => setTimeout(r, 200));
    }
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = Math.max(this.flushIntervalMs, this.retryAt - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().finally(() => {
        if (this.queue.length > 0) this.schedule();
      });
    }, delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    if (Date.now() < this.retryAt) return;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.batchSize);
      try {
        await this.db.$queryRawUnsafe(INSERT_REQUESTS_WITH_ROLLUPS_SQL, serialiseBatch(batch), serialiseBodies(batch));
        this.written += batch.length;
        this.failures = 0;
      } catch (error) {
        this.queue.unshift(...batch);
        this.failures++;
        this.retryAt = Date.now() + Math.min(this.maxBackoffMs, 250 * 2 ** Math.min(this.failures, 10));
        this.options.onError?.(error);
        return;
      }
    }
  }
}

/**
 * One NUL byte or lone surrogate in any string of any record (a requested model, a routing
 * note) would make PostgreSQL refuse the whole batch, and the retries with it: every string is
 * cleaned on its way into the batch.
 */
function storableStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? toStorableText(value) : value;
}

// JSON.stringify writes a NUL as \u0000 and a lone surrogate as \ud800 to \udfff (paired ones stay
// raw), so one scan of a JSON text finds them. A replacer on every value cost more than the rest
// of the insert's preparation; only a text with a hit (or with those six characters as plain
// text, which costs a second pass and nothing else) is serialised again, cleaned.
// The regular expression runs only when a plain search finds "\u" at all: on a batch of a few
// hundred kilobytes the search is about 20 times faster, and the expression's pass allocated
// several kilobytes per record, which the young generation then had to collect.
const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f])/;

function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes("\\u") && UNSTORABLE_ESCAPE.test(json) ? JSON.stringify(value, storableStrings) : json;
}

/** The batch as the insert's $1: its rows' JSON columns are JSON texts inside it, each cleaned on its own. */
export function serialiseBatch(batch: UsageRecord[]): string {
  return storableJson(batch.map(toRow));
}

// Every column is named: a missing key reads as NULL, and signals is NOT NULL. The jsonb columns
// go as JSON text (server/usage/request-log-columns.ts says why), cleaned before they are
// wrapped: in the batch's JSON a NUL escape inside them is no longer one the batch's check
// would clean.
function toRow({ bodies: _bodies, ...r }: UsageRecord) {
  return {
    ...r,
    createdAt: r.createdAt.toISOString(),
    attempts: storableJson(r.attempts),
    explanation: r.explanation == null ? null : storableJson(r.explanation),
    finishReason: r.finishReason ?? null,
    signals: r.signals ?? [],
    // Encoded here rather than on the request's path: the batch pays for it, not the caller's latency.
    features: r.features ? storableJson(encodeStoredFeatures(r.features)) : null,
  };
}

/**
 * The stored prompts and answers of a batch ($2 of the insert), redacted here rather than on the
 * request's path. Cleaned like the rows: a NUL byte in a prompt would fail the whole batch.
 */
function serialiseBodies(batch: UsageRecord[]): string {
  const bodies = [];
  for (const r of batch) {
    if (!r.bodies) continue;
    bodies.push({
      id: r.id,
      tenantId: r.tenantId,
      createdAt: r.createdAt.toISOString(),
      prompt: r.bodies.prompt.map((m) => ({ role: m.role, content: toStorableText(redactSecrets(m.content)) })),
      answer: r.bodies.answer === null ? null : toStorableText(redactSecrets(r.bodies.answer)),
      truncated: r.bodies.truncated,
    });
  }
  return JSON.stringify(bodies);
}
