// GET /api/health: version, database reachability and whether every committed migration is
// applied. 503 when either check fails, so load balancers and the start script can rely on it.
import pkg from "../../package.json";
import { getDb } from "../db/client";
import { migrationStatus } from "../db/migration-status";
import { evaluationQueueStats } from "../learning/evaluation/offer-evaluation";
import { eventLoopDelay, type EventLoopDelay } from "./event-loop-delay";
import { shareRecentResult } from "./share-recent-result";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: { reachable: boolean; error?: string };
  migrations: { applied: boolean; pending: string[] };
  /** How long the event loop was held from running (ms), over the last 10 to 20 seconds. */
  eventLoopDelay: EventLoopDelay;
  /**
   * This process's evaluation queue: jobs waiting and running, and those dropped because it was
   * full (sampled traffic faster than challenger and judge calls finish). Informational: drops
   * cost evidence only, so they never make the status degraded.
   */
  evaluations: { pending: number; running: number; dropped: number };
}

/**
 * The database part of the report, shared for a second: /api/health answers anyone without a key,
 * and a flood of it must not become a flood of database queries. Load balancers poll every few
 * seconds, so a second-old answer tells them the same.
 */
const DATABASE_CHECK_SHARED_MS = 1_000;
const databaseCheck = shareRecentResult(async (): Promise<Pick<Health, "database" | "migrations">> => {
  try {
    const db = getDb();
    const status = await migrationStatus({
      query: async (sql) => ({ rows: await db.$queryRawUnsafe<Record<string, unknown>[]>(sql) }),
    });
    return { database: { reachable: true }, migrations: { applied: status.pending.length === 0 && status.failed.length === 0, pending: status.pending } };
  } catch (error) {
    // The driver's message can name hosts, users and databases: it goes to the log only, once per check.
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return { database: { reachable: false, error: "unreachable" }, migrations: { applied: false, pending: [] } };
  }
}, DATABASE_CHECK_SHARED_MS);

export async function checkHealth(): Promise<Health> {
  const { database, migrations } = await databaseCheck();
  return {
    status: database.reachable && migrations.applied ? "ok" : "degraded",
    version: pkg.version,
    database,
    migrations,
    eventLoopDelay: eventLoopDelay(),
    evaluations: evaluationQueueStats(),
  };
}

export async function handleHealth(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
