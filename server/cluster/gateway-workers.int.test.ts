// The gateway as two worker processes on one port, without Redis (SWITCHYARD_WORKERS=2): a key's
// requests per minute hold for the server as a whole, a worker killed under load is replaced
// while the other keeps serving, and on SIGTERM, or when the primary is killed, every worker writes
// the usage records it holds.
// Usage is flushed only at shutdown here (a long flush interval), so the last test sees what the
// workers' graceful exit wrote.
import { execFileSync, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { GATEWAY_BUNDLE } from "../../scripts/build-gateway";
import { childEnv } from "../env";
import { issueTestKey } from "../testing/seed-gateway-tenant";
import { setupFakeProvidersGateway } from "../testing/setup-fake-providers-gateway";
import { requestsInFlight, unlogged } from "../testing/requests-in-flight";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { freePort } from "../testing/start-gateway-process";

const RPM = 5;
const keys = { limited: "", unlimited: "" };
const fx = setupGateway({
  env: { SWITCHYARD_WORKERS: "2", SWITCHYARD_USAGE_FLUSH_MS: "600000" },
  prepare: async ({ db, tenant }) => {
    keys.limited = await issueTestKey(db, tenant.tenantId, { rpmLimit: RPM });
    // The kill test sends as fast as two workers answer: on a quiet machine that is more than a
    // default key's 600 requests a minute, and a 429 is not what it is about.
    keys.unlimited = await issueTestKey(db, tenant.tenantId, { rpmLimit: 1_000_000 });
  },
});

const workerPids = (gateway = fx.gateway) =>
  execFileSync("ps", ["-o", "pid=", "--ppid", String(gateway.pid)], { encoding: "utf8" })
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);

async function chat(apiKey: string, content: string) {
  const startedAt = Date.now();
  try {
    const res = await fetch(`${fx.gateway.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ model: "auto", messages: [{ role: "user", content }] }),
    });
    await res.text();
    return { status: res.status, id: res.headers.get("x-switchyard-request-id"), startedAt };
  } catch {
    return { status: 0, id: null, startedAt };
  }
}

const served = new Set<string>();

describe("a gateway of two workers without Redis", () => {
  it("runs two workers under one primary", () => {
    expect(workerPids()).toHaveLength(2);
  });

  it("holds a key's requests per minute across both workers", async () => {
    // Concurrent requests open several connections, which the primary deals to both workers.
    const results = await Promise.all(Array.from({ length: 4 * RPM }, (_, i) => chat(keys.limited, `Count ${i}`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(RPM);
    expect(results.filter((r) => r.status === 429)).toHaveLength(3 * RPM);
  });

  it("replaces a worker killed under load, while the other keeps serving", async () => {
    // Warm: both workers have answered (concurrent requests open connections to each).
    await Promise.all(Array.from({ length: 4 }, (_, n) => chat(keys.unlimited, `Warm-up ${n}`)));
    const [victim] = workerPids();
    const killAt = Date.now() + 1_000;
    const stopAt = killAt + 3_000;
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        process.kill(victim!, "SIGKILL");
        resolve();
      }, killAt - Date.now()),
    );
    const results: Array<{ status: number; id: string | null; startedAt: number }> = [];
    const loop = async (n: number) => {
      for (let i = 0; Date.now() < stopAt; i++) results.push(await chat(keys.unlimited, `Loop ${n} request ${i}`));
    };
    await Promise.all([killer, ...Array.from({ length: 4 }, (_, n) => loop(n))]);

    // Only requests around the kill fail: those in flight on the killed worker, and those on new
    // connections the primary dealt to it before it saw the worker go (under load, a loop can
    // meet that more than once). Nothing sent well before the kill fails, and few fail at all.
    const failed = results.filter((r) => r.status !== 200);
    expect(failed.filter((r) => r.startedAt < killAt - 500)).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(Math.max(4, results.length / 10));
    // Sent once the primary has seen the worker go: all answered, by the live worker.
    const afterKill = results.filter((r) => r.startedAt > killAt + 500);
    expect(afterKill.length).toBeGreaterThan(10);
    expect(afterKill.filter((r) => r.status !== 200).map((r) => r.status)).toEqual([]);
    // The last test expects their usage records, which the live worker holds.
    for (const r of afterKill) served.add(r.id!);

    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(workerPids().length === 2 && !workerPids().includes(victim!))) await new Promise((r) => setTimeout(r, 100));
    expect(workerPids()).toHaveLength(2);
    expect(workerPids()).not.toContain(victim);
    expect(fx.gateway.output()).toContain(`worker ${victim} exited (signal SIGKILL); starting another`);
  });

  it("on SIGTERM stops every worker, each writing its buffered usage records once, and exits with 0", async () => {
    const pids = workerPids();
    expect(await fx.gateway.stop()).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
    const logs = await waitForRequestLogs(fx, served.size);
    const logged = new Set(logs.map((row) => row.id));
    expect([...served].filter((id) => !logged.has(id))).toEqual([]);
  });
});

describe("a gateway of two workers whose primary is killed", () => {
  // An upstream that answers after a pause, so that requests are certainly in flight at the kill.
  const UPSTREAM_PAUSE_MS = 600;
  const IN_FLIGHT = 8;
  const own = { key: "" };
  const { fx: killed, fakes } = setupFakeProvidersGateway({
    env: { SWITCHYARD_WORKERS: "2", SWITCHYARD_USAGE_FLUSH_MS: "600000" },
    openai: { fault: { type: "slow-first-byte", delayMs: UPSTREAM_PAUSE_MS } },
    prepare: async ({ db, tenant }) => {
      own.key = await issueTestKey(db, tenant.tenantId, { rpmLimit: 1_000_000 });
    },
  });

  it("has each worker finish its requests in flight and write every usage record it holds, then exit", async () => {
    const pids = workerPids(killed.gateway);
    expect(pids).toHaveLength(2);
    // Killed once every request waits on the upstream: what each does next (its budget and token
    // settlement, the response cache) calls the primary's stores after the primary is gone.
    const { answers } = await requestsInFlight(killed, fakes.openai, { apiKey: own.key, model: "gpt-5.4", count: IN_FLIGHT });
    await killed.gateway.stop("SIGKILL");
    const results = await answers;
    expect(results.map((r) => r.status)).toEqual(Array(IN_FLIGHT).fill(200));

    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
    expect(pids.filter(alive)).toEqual([]);
    // The workers have exited, so what they wrote is all there will be.
    const missing = await unlogged(killed, results.map((r) => r.id!));
    if (missing.length > 0) throw new Error(`${missing.length} of ${IN_FLIGHT} answered requests not logged; what the processes wrote:\n${killed.outputs()}`);
  });
});

describe("a gateway of two workers that cannot start", () => {
  it("stops with exit code 1 instead of starting workers again and again", async () => {
    // No DATABASE_URL: each worker refuses to start.
    const env = childEnv({ SWITCHYARD_WORKERS: "2", PORT: String(await freePort()) });
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [GATEWAY_BUNDLE], { stdio: ["ignore", "ignore", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL is not set");
    expect(stderr).toContain("before the server was up; stopping");
  });
});
