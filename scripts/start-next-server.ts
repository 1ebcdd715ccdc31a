// Starts the production build of the app (`next start`) with the settings it needs; used by
// `npm start` and by the browser-test runner.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { childEnv } from "../server/env";

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
  const args = ["start", "-p", String(options.port), ...(options.host ? ["-H", options.host] : [])];
  return spawn(path.join("node_modules", ".bin", "next"), args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: childEnv({
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Shutdown is the app's own (instrumentation.ts): buffered usage is written first.
      NEXT_MANUAL_SIG_HANDLE: "true",
      DATABASE_URL: options.databaseUrl,
      SWITCHYARD_MASTER_KEY: options.masterKey,
      NEXTAUTH_SECRET: options.nextAuthSecret,
      NEXTAUTH_URL: options.nextAuthUrl,
      ...options.env,
    }),
  });
}

/** Stops the server and waits until it has exited. */
export async function stopNextServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}
