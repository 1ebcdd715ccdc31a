// Batches usage records off the hot path. Each record is serialised to its row's JSON once the
// turn of the event loop that recorded it is over (after its response went out), so that a
// flush only joins texts: serialising a whole batch at once stalled every request in flight for
// tens of milliseconds, and records queued as object graphs were copied by every scavenge they
// waited through. A flush writes what was queued when it began, in batches of up to batchSize;
// records arriving meanwhile wait for the next one, so batches stay large (PostgreSQL spends
// about 40% less a row on a batch of a hundred or more than on one of thirty). A failed batch goes
// back to the head of the queue and is retried with backoff; request ids make the insert
// idempotent, so a batch that committed but whose acknowledgement was lost is not counted twice.
import { toStorableText } from "../db/storable-text";
import { encodeStoredFeatures } from "../learning/stored-features";
import type { UsageRecord } from "./usage-record";
import type { RequestBodies } from "./request-bodies";
import { redactSecrets } from "./redact-secrets";
import { INSERT_REQUESTS_WITH_ROLLUPS_SQL } from "./rollup-sql";
import { TurnBatch } from "../turn-batch";

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

/** What the gateway hands its usage records to: this writer, or one whose writer runs on a thread of its own. */
export interface UsageRecorder {
  record(record: UsageRecord): void;
  /** Writes what is buffered, retrying until done or `deadlineMs` passes (graceful shutdown). */
  close(deadlineMs?: number): Promise<void>;
}

/** Reported (onError) for a record dropped because it could not be serialised; nothing retries it. */
export class UnserialisableRecord extends Error {
  constructor(requestId: string, cause: unknown) {
    super(`the usage record of ${requestId} could not be serialised and was dropped: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** A record as queued: its row's JSON, and the JSON of its stored prompt and answer (if any). */
interface QueuedRow {
  row: string;
  bodies: string | null;
}

export class UsageWriter implements UsageRecorder {
  private queue: QueuedRow[] = [];
  /** Recorded in this turn of the event loop, serialised at its end. */
  private readonly recorded = new TurnBatch<UsageRecord>((records) => this.serialise(records));
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
    return this.queue.length + this.recorded.size;
  }

  record(record: UsageRecord): void {
    this.options.onRecord?.(record);
    this.recorded.add(record);
    this.schedule();
  }

  private serialise(records: UsageRecord[]): void {
    for (const record of records) {
      const shed = this.queue.length >= this.maxBufferedWithFeatures && (record.features || record.bodies);
      try {
        this.queue.push(queuedRow(shed ? { ...record, features: null, bodies: null } : record));
      } catch (error) {
        // A record that cannot be serialised (a bug, not a database outage) is dropped and
        // reported rather than thrown out of a timer callback, where it would end the process.
        this.dropped++;
        this.options.onError?.(new UnserialisableRecord(record.id, error));
        continue;
      }
      if (this.queue.length > this.maxBuffered) {
        this.queue.shift();
        this.dropped++;
      }
    }
  }

  /** Writes everything recorded so far; resolves when that is written or a write failed. */
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
    while ((this.pending > 0 || this.flushing) && Date.now() < deadline) {
      this.retryAt = 0;
      await this.flush();
      if (this.pending > 0) await new Promise((r) => setTimeout(r, 200));
    }
  }

  private schedule(): void {
    if (this.timer) return;
    const delay = Math.max(this.flushIntervalMs, this.retryAt - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush().finally(() => {
        if (this.pending > 0) this.schedule();
      });
    }, delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    if (Date.now() < this.retryAt) return;
    this.recorded.flush();
    let left = this.queue.length;
    while (left > 0) {
      const batch = this.queue.splice(0, Math.min(this.batchSize, left));
      left -= batch.length;
      try {
        await this.db.$queryRawUnsafe(INSERT_REQUESTS_WITH_ROLLUPS_SQL, jsonArray(batch.map((q) => q.row)), jsonArray(batch.flatMap((q) => (q.bodies ? [q.bodies] : []))));
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
// The regular expression runs only when a plain search finds "\u" at all: the search is about 20
// times faster, and the expression's pass allocated kilobytes per record, which the young
// generation then had to collect.
const UNSTORABLE_ESCAPE = /\\u(?:0000|d[89a-f])/;

function storableJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes("\\u") && UNSTORABLE_ESCAPE.test(json) ? JSON.stringify(value, storableStrings) : json;
}

/** A record's row as the insert's $1 holds it: its JSON columns are JSON texts inside it, each cleaned on its own. */
export function rowJson(record: UsageRecord): string {
  return storableJson(toRow(record));
}

function queuedRow(record: UsageRecord): QueuedRow {
  return { row: rowJson(record), bodies: record.bodies ? bodiesJson(record, record.bodies) : null };
}

const jsonArray = (texts: string[]) => `[${texts.join(",")}]`;

// Every column is named: a missing key reads as NULL, and signals is NOT NULL. The jsonb columns
// go as JSON text (server/usage/request-log-columns.ts says why), cleaned before they are
// wrapped: once escaped inside the row's JSON, a NUL escape in them is no longer one the row's
// check would clean.
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
 * A record's stored prompt and answer (a row of the insert's $2), redacted here rather than on
 * the request's path. Cleaned like the rows: a NUL byte in a prompt would fail the whole batch.
 */
function bodiesJson({ id, tenantId, createdAt }: UsageRecord, bodies: RequestBodies): string {
  return JSON.stringify({
    id,
    tenantId,
    createdAt: createdAt.toISOString(),
    prompt: bodies.prompt.map((m) => ({ role: m.role, content: toStorableText(redactSecrets(m.content)) })),
    answer: bodies.answer === null ? null : toStorableText(redactSecrets(bodies.answer)),
    truncated: bodies.truncated,
  });
}
