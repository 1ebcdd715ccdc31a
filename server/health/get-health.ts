// GET /api/health: version, database reachability and whether every committed migration is
// applied. 503 when either check fails, so load balancers and the start script can rely on it.
import pkg from "../../package.json";
import { getDb } from "../db/client";
import { migrationStatus } from "../db/migration-status";
import { evaluationQueueStats } from "../learning/evaluation/offer-evaluation";
import { eventLoopDelay, type EventLoopDelay } from "./event-loop-delay";

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

export async function checkHealth(): Promise<Health> {
  const health: Health = {
    status: "degraded",
    version: pkg.version,
    database: { reachable: false },
    migrations: { applied: false, pending: [] },
    eventLoopDelay: eventLoopDelay(),
    evaluations: evaluationQueueStats(),
  };
  try {
    const db = getDb();
    const status = await migrationStatus({
      query: async (sql) => ({ rows: await db.$queryRawUnsafe<Record<string, unknown>[]>(sql) }),
    });
    health.database.reachable = true;
    health.migrations = { applied: status.pending.length === 0 && status.failed.length === 0, pending: status.pending };
  } catch (error) {
    // The driver's message can name hosts, users and databases: it goes to the log only.
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    health.database.error = "unreachable";
  }
  if (health.database.reachable && health.migrations.applied) health.status = "ok";
  return health;
}

export async function handleHealth(): Promise<Response> {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
