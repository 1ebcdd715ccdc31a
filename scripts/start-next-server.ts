// Starts the app's server (scripts/serve.ts: the console's Next.js production build and the
// lean gateway on one port) with the settings it needs; used by `npm start` and by the
// browser-test runner. The Next.js build must exist (build-if-needed.ts); the server's own
// bundle is made here, in about a second.
import { spawn, type ChildProcess } from "node:child_process";
import { childEnv } from "../server/env";
import { buildServer, SERVER_NODE_OPTIONS } from "./build-gateway";

export interface NextServerOptions {
  port: number;
  host?: string;
  databaseUrl: string;
  masterKey: string;
  nextAuthSecret: string;
  nextAuthUrl: string;
  /** Further settings for this server only (e.g. a job's interval in tests). */
  env?: Record<string, string>;
}

export function startNextServer(options: NextServerOptions): ChildProcess {
  const args = [...SERVER_NODE_OPTIONS, buildServer(), ...(options.host ? [`--host=${options.host}`] : [])];
  return spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: childEnv({
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      SWITCHYARD_MASTER_KEY: options.masterKey,
      NEXTAUTH_SECRET: options.nextAuthSecret,
      NEXTAUTH_URL: options.nextAuthUrl,
      ...options.env,
    }),
  });
}

/** Stops the server and waits until it has exited (buffered usage is written first). */
export async function stopNextServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}
