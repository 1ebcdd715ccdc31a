// The process's usage writer, flushed on graceful shutdown (see instrumentation.ts and the
// lean gateway entry point).
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { env, requireDatabaseUrl } from "../env";
import { UsageWriter, type UsageRecorder } from "./usage-writer";
import { logUsageError, pgUsageSink } from "./pg-usage-sink";
import { ThreadedUsageWriter, type UsageThreadSettings } from "./threaded-usage-writer";
import { USAGE_THREAD_BUNDLE } from "./usage-thread-bundle";
import { observeRequest, observingRequests } from "../observability/observe-request";

const holder = globalThis as unknown as { __switchyardUsageWriter?: UsageRecorder };

// Every gateway request's record passes here, whichever endpoint served it.
const onRecord = observingRequests ? observeRequest : undefined;

const mainThreadWriter = (observe: typeof onRecord) =>
  new UsageWriter(pgUsageSink(requireDatabaseUrl()), { flushIntervalMs: env.SWITCHYARD_USAGE_FLUSH_MS, onError: logUsageError, onRecord: observe });

export function getUsageWriter(): UsageRecorder {
  holder.__switchyardUsageWriter ??= mainThreadWriter(onRecord);
  return holder.__switchyardUsageWriter;
}

/**
 * Has the process write usage on a thread of its own (threaded-usage-writer.ts) when the thread's
 * bundle lies beside `entryScript`, as it does beside the bundled entry points; run from source
 * (tsx, tests that import the handlers) the writer stays on the main thread. Called by an entry
 * point before anything records usage.
 */
export function writeUsageOnThreadBeside(entryScript: string): void {
  const file = path.resolve(path.dirname(entryScript), USAGE_THREAD_BUNDLE);
  if (holder.__switchyardUsageWriter || !existsSync(file)) return;
  const settings: UsageThreadSettings = { databaseUrl: requireDatabaseUrl(), flushIntervalMs: env.SWITCHYARD_USAGE_FLUSH_MS };
  holder.__switchyardUsageWriter = new ThreadedUsageWriter(() => new Worker(file, { workerData: settings }), {
    onError: logUsageError,
    onRecord,
    fallback: () => mainThreadWriter(undefined),
  });
}

/** Writes what is buffered before the process exits. */
export async function flushUsageOnShutdown(): Promise<void> {
  await holder.__switchyardUsageWriter?.close(15_000);
}
