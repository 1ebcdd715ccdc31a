// `npm run rollups:rebuild -- --from ISO --to ISO [--tenant ID]`: recomputes the hourly usage
// rollups of a range (whole hours, UTC) from the request rows of DATABASE_URL.
import { parseArgs } from "node:util";
import { requireDatabaseUrl } from "../server/env";
import { createPrismaClient } from "../server/db/client";
import { rebuildRollups } from "../server/analytics/rebuild-rollups";

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, tenant: { type: "string" } } });
  if (!values.from || !values.to) throw new Error("Usage: npm run rollups:rebuild -- --from 2026-11-01T00:00Z --to 2026-11-02T00:00Z [--tenant ID]");
  const range = { from: new Date(values.from), to: new Date(values.to), tenantId: values.tenant ?? null };
  const db = createPrismaClient(requireDatabaseUrl());
  try {
    const started = performance.now();
    const result = await rebuildRollups(db, range);
    const scope = range.tenantId ? `tenant ${range.tenantId}` : "all tenants";
    console.log(`Rebuilt ${result.rollups} rollup rows from ${result.requests} requests (${scope}, ${range.from.toISOString()} to ${range.to.toISOString()}) in ${Math.round(performance.now() - started)} ms.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
