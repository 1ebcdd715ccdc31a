// Compares the committed migrations with what the database has applied, without Prisma's CLI
// (which takes seconds to start): used by the health route and to skip a no-op migrate.
import { readdirSync } from "node:fs";
import path from "node:path";

export interface MigrationStatus {
  expected: string[];
  pending: string[];
  failed: string[];
}

export function committedMigrations(root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

interface Queryable {
  query(sql: string): Promise<{ rows: Array<Record<string, unknown>> }>;
}

export async function migrationStatus(db: Queryable, root?: string): Promise<MigrationStatus> {
  const expected = committedMigrations(root);
  const table = await db.query(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS present`);
  if (!table.rows[0]?.present) return { expected, pending: expected, failed: [] };
  const { rows } = await db.query(
    `SELECT migration_name, finished_at IS NOT NULL AND rolled_back_at IS NULL AS ok FROM "_prisma_migrations"`,
  );
  const applied = new Set(rows.filter((r) => r.ok).map((r) => String(r.migration_name)));
  const failed = rows.filter((r) => !r.ok).map((r) => String(r.migration_name));
  return { expected, pending: expected.filter((m) => !applied.has(m)), failed };
}
