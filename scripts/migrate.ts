// `npm run db:migrate`: creates the database named by DATABASE_URL when missing and applies
// pending migrations.
import { requireDatabaseUrl } from "../server/env";
import { ensureDatabase, migrate } from "../server/db/prepare-database";

async function main() {
  const url = requireDatabaseUrl();
  if (await ensureDatabase(url)) console.log("Created the database.");
  const applied = await migrate(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
