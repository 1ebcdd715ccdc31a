// `npm start`: database (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo
// seed on first start, production build when sources changed, then the console.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { env } from "../server/env";
import { createPrismaClient } from "../server/db/client";
import { ensureDatabase, migrate } from "../server/db/prepare-database";
import { startEmbeddedPostgres, type EmbeddedServer } from "../server/db/embedded-postgres";
import { seed } from "../server/demo/seed";
import { DEMO_LOGIN, DEMO_TENANT_SLUG, issueDemoKey } from "../server/demo/seed-demo";
import { DATA_DIR, loadOrCreateLocalSecrets, readDemoKey, saveDemoKey } from "./local-state";
import { buildIfNeeded } from "./build-if-needed";
import { waitForHealth } from "./wait-for-health";
import { startNextServer, stopNextServer } from "./start-next-server";

const log = (message: string) => console.error(`[switchyard] ${message}`);

async function demoKeyFor(databaseUrl: string, seededKey: string | null): Promise<string> {
  const u = new URL(databaseUrl);
  const databaseId = `${u.hostname}:${u.port}${u.pathname}`;
  if (seededKey) {
    saveDemoKey(databaseId, seededKey);
    return seededKey;
  }
  const known = readDemoKey(databaseId);
  if (known) return known;
  const db = createPrismaClient(databaseUrl);
  try {
    const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_TENANT_SLUG } });
    const reissued = await issueDemoKey(db, tenant.id);
    saveDemoKey(databaseId, reissued);
    return reissued;
  } finally {
    await db.$disconnect();
  }
}

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
const OWN_GROUP_FLAG = "--in-own-process-group";

/**
 * Ctrl-C in a terminal signals the terminal's whole foreground process group, the embedded
 * database included, which then shuts down at once while the app is still writing its buffered
 * usage records. So the start runs in a process group of its own, and this process passes each
 * signal on to it alone (as SIGTERM); it stops the app first, then the database.
 */
function startInOwnProcessGroup(): void {
  const argv = [...process.execArgv, process.argv[1]!, ...process.argv.slice(2), OWN_GROUP_FLAG];
  const start = spawn(process.execPath, argv, { detached: true, stdio: ["inherit", "inherit", "inherit", "ipc"] });
  for (const signal of STOP_SIGNALS) process.on(signal, () => start.kill("SIGTERM"));
  start.once("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  let embedded: EmbeddedServer | null = null;
  let embeddedStarting: Promise<EmbeddedServer> | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child) await stopNextServer(child);
    // A database still starting is stopped once it has started (or has failed to).
    const database = embedded ?? (await embeddedStarting?.catch(() => null));
    if (database) await database.stop();
    process.exit(code);
  };
  // The app first (it writes its buffered usage records), then the embedded database. The process
  // that started this one passes signals on; if it is gone (killed), this one stops too.
  for (const signal of STOP_SIGNALS) process.on(signal, () => void shutdown(0));
  process.once("disconnect", () => void shutdown(0));

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL on 127.0.0.1:${env.SWITCHYARD_EMBEDDED_PG_PORT} (data in .data/postgres)`);
    embeddedStarting = startEmbeddedPostgres(path.join(DATA_DIR, "postgres"), env.SWITCHYARD_EMBEDDED_PG_PORT);
    embedded = await embeddedStarting;
    databaseUrl = embedded.url("switchyard");
  }

  try {
    await ensureDatabase(databaseUrl);
    const applied = await migrate(databaseUrl);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);

    const db = createPrismaClient(databaseUrl);
    const seeded = await seed(db, { days: env.SWITCHYARD_DEMO_DAYS, requestsPerDay: env.SWITCHYARD_DEMO_REQUESTS_PER_DAY }).finally(() => db.$disconnect());
    if (seeded.created) log(`seeded demo tenant with ${seeded.requests} requests of history`);
    const apiKey = await demoKeyFor(databaseUrl, seeded.apiKey);

    if (buildIfNeeded()) log("built the app");

    const secrets = loadOrCreateLocalSecrets();
    const url = `http://localhost:${env.PORT}`;
    child = startNextServer({
      port: env.PORT,
      databaseUrl,
      masterKey: env.SWITCHYARD_MASTER_KEY ?? secrets.masterKey,
      nextAuthSecret: env.NEXTAUTH_SECRET ?? secrets.nextAuthSecret,
      nextAuthUrl: env.NEXTAUTH_URL ?? url,
    });
    child.once("exit", (code) => void shutdown(code ?? 1));
    await waitForHealth(`${url}/api/health`);
    console.log(`Console: ${url}`);
    console.log(`Login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
    console.log(`API key: ${apiKey}`);
    log(`OpenAI/Anthropic-compatible gateway at ${url}/v1. Ctrl-C stops the app${embedded ? " and the embedded database" : ""}.`);
  } catch (error) {
    console.error(error);
    await shutdown(1);
  }
}

if (process.argv.includes(OWN_GROUP_FLAG)) void main();
else startInOwnProcessGroup();
