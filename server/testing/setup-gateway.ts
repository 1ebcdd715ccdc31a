// One gateway child process per test file, on the file's own seeded database. `prepare` runs
// before the process starts, because the process caches keys and tenant configuration.
import { afterAll, beforeAll } from "vitest";
import type { Db } from "../db/client";
import { setupTestDatabase } from "./setup-test-database";
import { seedGatewayTenant, type GatewayTenant } from "./seed-gateway-tenant";
import { randomMasterKey, startGatewayProcess, type GatewayProcess } from "./start-gateway-process";

export interface GatewayContext {
  db: Db;
  tenant: GatewayTenant;
  masterKey: string;
}

export interface GatewayFixture extends GatewayContext {
  gateway: GatewayProcess;
  /** The URL the gateway process uses for the database (a proxy, when `databaseUrl` gave one). */
  databaseUrl: string;
  /** Stops the process gracefully (SIGTERM) and starts a fresh one with empty caches. */
  restart(env?: Record<string, string>): Promise<void>;
  /** What every process this fixture started wrote, for failure messages (a restart keeps the earlier ones'). */
  outputs(): string;
}

export interface SetupGatewayOptions {
  prepare?: (context: GatewayContext) => Promise<void>;
  /** Maps the test database URL to the one the gateway gets, e.g. through a TCP proxy. */
  databaseUrl?: (url: string) => Promise<string>;
  env?: Record<string, string>;
}

export function setupGateway(options: SetupGatewayOptions = {}): GatewayFixture {
  const database = setupTestDatabase();
  const masterKey = randomMasterKey();
  const state = { stopped: [] as string[] } as { tenant: GatewayTenant; gateway: GatewayProcess; databaseUrl: string; stopped: string[] };
  const start = async (env?: Record<string, string>) => {
    state.gateway = await startGatewayProcess({ databaseUrl: state.databaseUrl, masterKey, env: { ...options.env, ...env } });
  };

  beforeAll(async () => {
    state.tenant = await seedGatewayTenant(database.db);
    await options.prepare?.({ db: database.db, tenant: state.tenant, masterKey });
    state.databaseUrl = options.databaseUrl ? await options.databaseUrl(database.url) : database.url;
    await start();
  });
  afterAll(async () => {
    await state.gateway?.stop();
  });

  return {
    masterKey,
    get db() {
      return database.db;
    },
    get tenant() {
      return state.tenant;
    },
    get gateway() {
      return state.gateway;
    },
    get databaseUrl() {
      return state.databaseUrl;
    },
    async restart(env) {
      await state.gateway.stop();
      state.stopped.push(state.gateway.output());
      await start(env);
    },
    outputs() {
      return [...state.stopped, state.gateway?.output() ?? ""].join("\n--- next process ---\n");
    },
  };
}

/** One request's log row (by its x-switchyard-request-id), once the writer flushed it. */
export async function waitForRequestLog(db: Db, requestId: string | null | undefined, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.requestLog.findUnique({ where: { id: requestId ?? "" } });
    if (row) return row;
    if (Date.now() > deadline) throw new Error(`no request log ${requestId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Polls until the fixture's tenant has `count` request logs (the writer batches them), then
 * returns them all. The deadline covers a few of the writer's retries on a loaded machine; past
 * it the error carries what the gateway processes wrote (a failed batch logs its reason).
 */
export async function waitForRequestLogs(fx: GatewayFixture, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await fx.db.requestLog.findMany({ where: { tenantId: fx.tenant.tenantId }, orderBy: { createdAt: "asc" } });
    if (rows.length >= count) return rows;
    if (Date.now() > deadline) throw new Error(`${rows.length} of ${count} request logs after ${timeoutMs} ms; the gateway wrote:\n${fx.outputs()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
