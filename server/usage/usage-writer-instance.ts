// The process's usage writer, flushed on graceful shutdown (see instrumentation.ts and the
// lean gateway entry point).
import pg from "pg";
import { env, requireDatabaseUrl } from "../env";
import { UnserialisableRecord, UsageWriter, type UsageSink } from "./usage-writer";
import { observeRequest, observingRequests } from "../observability/observe-request";

const holder = globalThis as unknown as { __switchyardUsageWriter?: UsageWriter };

/**
 * Batches go to PostgreSQL through a small pg pool of their own rather than Prisma: a batch
 * is one JSON parameter of up to a few hundred kilobytes, which Prisma's raw-query path
 * copies through its query compiler at a CPU cost that grows with the request rate.
 */
export function pgUsageSink(connectionString: string): UsageSink {
  const pool = new pg.Pool({ connectionString, max: 2, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle connection that breaks (database restarted) must not take the process down.
  pool.on("error", (error) => console.error(`[usage] database connection lost: ${error.message}`));
  return {
    async $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> {
      return (await pool.query(query, values)).rows as T;
    },
  };
}

export function getUsageWriter(): UsageWriter {
  holder.__switchyardUsageWriter ??= new UsageWriter(pgUsageSink(requireDatabaseUrl()), {
    flushIntervalMs: env.SWITCHYARD_USAGE_FLUSH_MS,
    onError: (error) =>
      console.error(error instanceof UnserialisableRecord ? `[usage] ${error.message}` : `[usage] write failed, will retry: ${error instanceof Error ? error.message.split("\n")[0] : error}`),
    // Every gateway request's record passes here, whichever endpoint served it.
    onRecord: observingRequests ? observeRequest : undefined,
  });
  return holder.__switchyardUsageWriter;
}

/** Writes what is buffered before the process exits. */
export async function flushUsageOnShutdown(): Promise<void> {
  await holder.__switchyardUsageWriter?.close(15_000);
}
