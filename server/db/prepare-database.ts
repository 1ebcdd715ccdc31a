// Creates a database when missing and applies pending migrations through Prisma's CLI.
// Used by the start script and by the test set-up, never on the request path.
import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { migrationStatus } from "./migration-status";
import { childEnv } from "../env";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return true;
  } finally {
    await admin.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName(url).replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export async function pendingMigrations(url: string, root = process.cwd()): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const status = await migrationStatus(client, root);
    if (status.failed.length) throw new Error(`Failed migrations need attention: ${status.failed.join(", ")}`);
    return status.pending;
  } finally {
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied (empty when already up to date). */
export async function migrate(url: string, root = process.cwd()): Promise<string[]> {
  const pending = await pendingMigrations(url, root);
  if (pending.length === 0) return [];
  execFileSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: childEnv({ DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return pending;
}
