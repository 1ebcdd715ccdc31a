// The usage writer on a thread of its own (node:worker_threads). Serialising each record to its
// row's JSON, encoding its learner features and sending the batches to PostgreSQL took about a
// tenth of the gateway's busy time, and the strings and buffers it made were most of what each
// young-generation collection of the request-serving thread had to copy (docs/BENCHMARKS.md).
// Here the serving thread only hands over each turn's records in one message (structured clone,
// done in C++ and off the JavaScript heap), and the thread runs the same UsageWriter: batches,
// retries with backoff, shedding under a backlog and the flush at shutdown are unchanged.
import type { Worker } from "node:worker_threads";
import { TurnBatch } from "../turn-batch";
import type { UsageRecord } from "./usage-record";
import { UnserialisableRecord, type UsageRecorder } from "./usage-writer";

/** What the thread needs to build its writer (a worker thread does not share the process's modules). */
export interface UsageThreadSettings {
  databaseUrl: string;
  flushIntervalMs: number;
}

export type ToUsageThread = { records: UsageRecord[] } | { close: number };
export type FromUsageThread = { closed: true };

export interface ThreadedUsageWriterOptions {
  onError: (error: unknown) => void;
  /** Sees every record as it is recorded, on the serving thread (the gateway's metrics and traces). */
  onRecord?: (record: UsageRecord) => void;
  /** The writer that takes over on the serving thread if the thread ends (without its own onRecord). */
  fallback: () => UsageRecorder;
}

export class ThreadedUsageWriter implements UsageRecorder {
  private thread: Worker | null = null;
  /** Set once the thread has ended: from then on records are written on the serving thread. */
  private fallback: UsageRecorder | null = null;
  /** Recorded in this turn of the event loop, handed over at its end in one message. */
  private readonly recorded = new TurnBatch<UsageRecord>((records) => this.handOver(records));

  constructor(
    private readonly startThread: () => Worker,
    private readonly options: ThreadedUsageWriterOptions,
  ) {}

  record(record: UsageRecord): void {
    this.options.onRecord?.(record);
    this.recorded.add(record);
  }

  private handOver(records: UsageRecord[]): void {
    const thread = this.fallback ? null : this.running();
    if (!thread) {
      for (const record of records) this.fallback!.record(record);
      return;
    }
    try {
      thread.postMessage({ records } satisfies ToUsageThread);
    } catch {
      // postMessage clones the whole message before sending any of it: one record that cannot be
      // cloned (a bug, not an outage) is dropped and reported, and the others go one by one.
      for (const record of records) {
        try {
          thread.postMessage({ records: [record] } satisfies ToUsageThread);
        } catch (error) {
          this.options.onError(new UnserialisableRecord(record.id, error));
        }
      }
    }
  }

  /**
   * The thread, started on first use; it never keeps the process alive by itself. It only ends
   * by failing (a bug, or a bundle that cannot load): the records it held are lost, and the
   * serving thread writes the next ones itself rather than start thread after thread.
   */
  private running(): Worker | null {
    if (this.thread) return this.thread;
    let thread: Worker;
    try {
      thread = this.startThread();
    } catch (error) {
      this.options.onError(new UsageThreadFailed(error));
      this.fallback = this.options.fallback();
      return null;
    }
    thread.unref();
    thread.on("error", (error) => this.options.onError(new UsageThreadFailed(error)));
    thread.on("exit", () => {
      this.thread = null;
      this.fallback ??= this.options.fallback();
    });
    this.thread = thread;
    return thread;
  }

  async close(deadlineMs = 10_000): Promise<void> {
    this.recorded.flush();
    if (this.fallback) await this.fallback.close(deadlineMs);
    const thread = this.thread;
    if (!thread) return;
    // Referenced while the thread writes, so that the process waits for its answer.
    thread.ref();
    try {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          thread.off("message", onMessage);
          thread.off("exit", done);
          resolve();
        };
        const onMessage = (message: FromUsageThread) => {
          if (message?.closed) done();
        };
        // The thread's writer stops retrying at the deadline; a second more for its answer.
        const timer = setTimeout(done, deadlineMs + 1_000);
        thread.on("message", onMessage);
        thread.on("exit", done);
        thread.postMessage({ close: deadlineMs } satisfies ToUsageThread);
      });
    } finally {
      thread.unref();
    }
  }
}

/** The writer's thread failed (a bug): the records it held are lost, and the main thread writes the next ones. */
export class UsageThreadFailed extends Error {
  constructor(cause: unknown) {
    super(`the usage writer's thread failed, and the records it held were lost; usage is written on the main thread from now on: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
