// Where usage batches go: PostgreSQL through a small pg pool of the writer's own.
import pg from "pg";
import { UnserialisableRecord, type UsageSink } from "./usage-writer";

/**
 * Batches go through a small pg pool of their own rather than Prisma: a batch is one JSON
 * parameter of up to a few hundred kilobytes, which Prisma's raw-query path copies through its
 * query compiler at a CPU cost that grows with the request rate.
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

/** How the process reports a failed write or a dropped record (the writer retries writes itself). */
export function logUsageError(error: unknown): void {
  console.error(error instanceof UnserialisableRecord ? `[usage] ${error.message}` : `[usage] write failed, will retry: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
}
