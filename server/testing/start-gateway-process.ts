// Runs the lean gateway (scripts/gateway.ts, bundled as `npm run gateway` runs it) as a child
// process for integration tests. The gateway keeps process-wide singletons (Prisma client,
// usage writer, config caches), so a test gets a fresh process on its own database instead of
// importing the handlers. The integration set-up builds the bundle once per run.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { buildGateway, GATEWAY_BUNDLE } from "../../scripts/build-gateway";
import { childEnv } from "../env";

export interface GatewayProcessOptions {
  databaseUrl: string;
  /** base64 of 32 bytes; the test encrypts provider credentials with the same key. */
  masterKey: string;
  /** Extra environment, e.g. upstream timeouts. */
  env?: Record<string, string>;
}

export interface GatewayProcess {
  /** http://127.0.0.1:<port>/v1, the SDKs' base URL. */
  baseUrl: string;
  /** The process's id (with several workers, the primary's). */
  pid: number;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export function randomMasterKey(): string {
  return randomBytes(32).toString("base64");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitUntilHealthy(origin: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The gateway exited with code ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The gateway did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = await freePort();
  if (!existsSync(GATEWAY_BUNDLE)) buildGateway();
  const child = spawn(process.execPath, [GATEWAY_BUNDLE], {
    stdio: ["ignore", "pipe", "pipe"],
    env: childEnv({
      NODE_ENV: "test",
      DATABASE_URL: options.databaseUrl,
      PORT: String(port),
      SWITCHYARD_MASTER_KEY: options.masterKey,
      SWITCHYARD_USAGE_FLUSH_MS: "50",
      // Learning rounds delete the events they fold: tests that look at queued events, or fold
      // them themselves, would race the process's own job. A test that wants it sets an interval.
      SWITCHYARD_LEARNING_INTERVAL_MS: "0",
      // One process, whose state and exit a test sees; a test of several workers sets its own count.
      SWITCHYARD_WORKERS: "1",
      ...options.env,
    }),
  });
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy(origin, child, output, 60_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    baseUrl: `${origin}/v1`,
    pid: child.pid!,
    output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited(child);
    },
  };
}
