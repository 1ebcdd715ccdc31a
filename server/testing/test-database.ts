// Test databases: on DATABASE_URL's server when given, else the local PostgreSQL on
// 127.0.0.1:5432 when it answers, else an embedded server. Every run migrates one template
// database; each test file clones it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { env } from "../env";
import { dropDatabase, ensureDatabase, migrate, withDatabase } from "../db/prepare-database";
import { startEmbeddedPostgres, type EmbeddedServer } from "../db/embedded-postgres";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) throw new Error(`Tests refuse to run against a non-local database (${host})`);
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export interface TestServer {
  /** A URL on the server; its database name is replaced per database. */
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  if (env.DATABASE_URL) {
    assertLocalDatabase(env.DATABASE_URL);
    return { baseUrl: env.DATABASE_URL, stop: async () => {} };
  }
  if (await answers(LOCAL_SERVER)) return { baseUrl: LOCAL_SERVER, stop: async () => {} };
  const embedded: EmbeddedServer = await startEmbeddedPostgres(path.join(process.cwd(), ".data", "test-postgres"), env.SWITCHYARD_EMBEDDED_PG_PORT + 1);
  return { baseUrl: embedded.url("postgres"), stop: () => embedded.stop() };
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/** Creates and migrates a fresh database; returns its URL. */
export async function createMigratedDatabase(server: TestServer, prefix = "switchyard_test"): Promise<string> {
  const url = withDatabase(server.baseUrl, uniqueDatabaseName(prefix));
  await ensureDatabase(url);
  await migrate(url);
  return url;
}

/** Clones the run's migrated template database. */
export async function cloneDatabase(templateUrl: string, prefix = "switchyard_t"): Promise<string> {
  const url = withDatabase(templateUrl, uniqueDatabaseName(prefix));
  const admin = new pg.Client({ connectionString: withDatabase(templateUrl, "postgres") });
  await admin.connect();
  try {
    const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
    await admin.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return url;
}

export { dropDatabase };
