// Gateway overhead benchmark (`npm run bench:gateway`). On this machine, in one run: a local
// OpenAI-compatible upstream (0 ms and 50 ms), called directly; the lean gateway entry point
// (scripts/gateway.ts); the `npm start` server (scripts/serve.ts: the console's Next.js build
// and the same lean handlers on one port); and Portkey's open-source gateway from node_modules. Every target gets the same
// closed-loop load, JSON and streaming, at concurrency 1, 16 and 64; then a long run per
// gateway measures memory. Writes the tables to docs/BENCHMARKS.md ("Gateway overhead").
//
// Our gateway runs with everything on: key check, routing ("auto" through a policy),
// rate limits and a monthly budget on the key, circuit breakers, usage records written in
// batches to PostgreSQL. The response cache is off (the policy has no TTL) so that every
// request goes upstream. The database is a fresh one on 127.0.0.1:5432, dropped at the end.
//
// Options: --quick (short runs, for a smoke test), --duration=<s> per target and cell,
// --rounds=<n> (turns the targets take within a cell),
// --long=<requests> for the memory run (--no-heap: RSS only, no heap snapshots), --only=bare,lean,start,workers,portkey, --skip-start,
// --no-write (do not touch docs/BENCHMARKS.md; the figures go to results/trial-run.json instead
// of results/last-run.json), --cpu-prof=<dir> (profile the lean gateway),
// --baseline=<bundle> (an earlier build of .gateway/gateway.mjs in turns with the current one),
// --conc=1,64, --lat=0, --modes=json,sse (a subset of the cells, while optimising),
// --report-from=bench/gateway/results/last-run.json (rewrite the section from a saved run).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { createPrismaClient } from "../../server/db/client";
import { dropDatabase, ensureDatabase, migrate, withDatabase } from "../../server/db/prepare-database";
import { seedGlobalCatalog } from "../../server/demo/seed-demo";
import { generateApiKeySecret } from "../../server/auth/api-key-secret";
import { encryptSecret, secretHint } from "../../server/crypto/secret-box";
import { BUILTIN_CATEGORIES } from "../../server/routing/types";
import { freePort } from "../../server/testing/start-gateway-process";
import { buildIfNeeded } from "../../scripts/build-if-needed";
import { buildGateway, buildServer, SERVER_NODE_OPTIONS } from "../../scripts/build-gateway";
import { heapSnapshotNodeOptions, liveHeapMb } from "./live-heap";
import { percentile, runLoad, type LoadResult } from "./load";

const ROOT = process.cwd();
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const QUICK = args.has("quick");
const DURATION_MS = Number(args.get("duration") ?? (QUICK ? 2 : 9)) * 1000;
const ROUNDS = Number(args.get("rounds") ?? (QUICK ? 1 : 3));
const LONG_REQUESTS = Number(args.get("long") ?? (QUICK ? 5_000 : 100_000));
const LONG_DEADLINE_MS = 10 * 60_000;
const MAX_PER_RUN = 200_000;
const CONCURRENCY = args.get("conc")?.split(",").map(Number) ?? [1, 16, 64];
const LATENCIES = [0, 50] as const;
const LATENCY_FILTER = args.get("lat")?.split(",").map(Number);
const MODES = args.get("modes")?.split(",") ?? ["json", "sse"];
const UPSTREAM_DELAY_MS = 50;
const MODEL = "gpt-5.4";
const PROMPT = "Summarise in two sentences why reusing HTTP connections lowers request latency for an API client.";
const DB_SERVER = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const only = args.get("only")?.split(",");
// Heap snapshots of the gateways' processes at the memory run's checkpoints (see live-heap.ts).
const HEAP_DIR = LONG_REQUESTS > 0 && !args.has("no-heap") ? mkdtempSync(path.join(tmpdir(), "switchyard-heap-")) : null;
const wanted = (name: string) =>
  name === "baseline"
    ? args.has("baseline")
    : (!only || only.includes(name)) && !((name === "start" || name === "workers") && args.has("skip-start"));

const log = (m: string) => console.error(`[bench] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes

interface Proc {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function startProcess(name: string, command: string, argv: string[], env: Record<string, string>): Proc {
  const child = spawn(command, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-8_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return {
    child,
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const killed = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!killed) {
        log(`${name} did not exit on SIGTERM; killing`);
        child.kill("SIGKILL");
        await exited;
      }
    },
  };
}

async function waitFor(url: string, proc: Proc, name: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${name} exited (${proc.child.exitCode}):\n${proc.output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  throw new Error(`${name} did not come up within ${timeoutMs} ms:\n${proc.output()}`);
}

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** CPU time (ms, user + system) used so far by a process and all of its descendants. */
function treeCpuMs(rootPid: number): number {
  const children = childrenOf();
  let ticks = 0;
  const visit = (pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return;
    }
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(rootPid);
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Resident memory (MB) of a process and of each of its descendants, by pid. */
function treeRssMb(rootPid: number): Map<number, number> {
  const children = childrenOf();
  const mb = new Map<number, number>();
  const visit = (pid: number) => {
    try {
      const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/);
      mb.set(pid, Number(match?.[1] ?? 0) / 1024);
    } catch {
      return;
    }
    for (const c of children.get(pid) ?? []) visit(c);
  };
  visit(rootPid);
  return mb;
}

const sumOf = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------------------------
// Targets

type Latency = (typeof LATENCIES)[number];

interface Target {
  name: string;
  label: string;
  pid: number | null;
  url: string;
  headers(latency: Latency): Record<string, string>;
  body(stream: boolean): string;
  stop(): Promise<void>;
  /**
   * Started with the heap-snapshot signal (live-heap.ts): only such a process may be sent it,
   * since the signal's default action ends any other (Portkey's memory run failed every request).
   */
  heapSnapshots?: boolean;
}

function requestBody(model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    messages: [{ role: "user", content: PROMPT }],
    max_tokens: 64,
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  });
}

interface BenchEnv {
  upstreamPorts: Record<Latency, number>;
  databaseUrl: string;
  masterKey: string;
  keys: Record<Latency, string>;
}

function gatewayEnv(env: BenchEnv, port: number, workers = 1): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: env.databaseUrl,
    PORT: String(port),
    SWITCHYARD_MASTER_KEY: env.masterKey,
    NEXTAUTH_SECRET: randomBytes(24).toString("hex"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    REDIS_URL: "",
    // One process per target, as the figures per process are compared; the `workers` target
    // runs one per core to show how the server scales.
    SWITCHYARD_WORKERS: String(workers),
    // The fake upstreams listen on loopback, which upstream calls refuse unless allowed.
    SWITCHYARD_ALLOWED_UPSTREAM_HOSTS: "127.0.0.1",
    ...(HEAP_DIR ? { NODE_OPTIONS: [process.env.NODE_OPTIONS, heapSnapshotNodeOptions(HEAP_DIR)].filter(Boolean).join(" ") } : {}),
  };
}

function switchyardTarget(name: string, label: string, proc: Proc, port: number, env: BenchEnv): Target {
  return {
    name,
    label,
    pid: proc.child.pid ?? null,
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    headers: (latency) => ({ authorization: `Bearer ${env.keys[latency]}`, "cache-control": "no-store" }),
    body: (stream) => requestBody("auto", stream),
    stop: () => proc.stop(),
    heapSnapshots: HEAP_DIR !== null,
  };
}

async function startLean(env: BenchEnv): Promise<Target> {
  const port = await freePort();
  const profDir = args.get("cpu-prof");
  const nodeArgs = profDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profDir)}`] : [];
  const proc = startProcess("lean gateway", process.execPath, [...SERVER_NODE_OPTIONS, ...nodeArgs, buildGateway()], gatewayEnv(env, port));
  await waitFor(`http://127.0.0.1:${port}/healthz`, proc, "lean gateway");
  return switchyardTarget("lean", "Switchyard, lean entry (`npm run gateway`)", proc, port, env);
}

/**
 * `--baseline=<bundle>`: a second lean gateway from an earlier build of the bundle (copied
 * next to .gateway/gateway.mjs, so that it finds node_modules), measured in turns with the
 * current one: on a machine whose speed drifts, the only fair way to see what a change did.
 */
async function startBaseline(env: BenchEnv, bundle: string): Promise<Target> {
  const port = await freePort();
  const proc = startProcess("baseline gateway", process.execPath, [...SERVER_NODE_OPTIONS, path.resolve(bundle)], gatewayEnv(env, port));
  await waitFor(`http://127.0.0.1:${port}/healthz`, proc, "baseline gateway");
  return switchyardTarget("baseline", `Switchyard, lean entry from the earlier bundle ${bundle}`, proc, port, env);
}

/** The `npm start` server: one worker (`start`), or one per core (`workers`). */
async function startServer(env: BenchEnv, workers: number): Promise<Target> {
  if (buildIfNeeded(ROOT)) log("built the Next.js app");
  const port = await freePort();
  const proc = startProcess("npm start server", process.execPath, [...SERVER_NODE_OPTIONS, buildServer(), "--host=127.0.0.1"], gatewayEnv(env, port, workers));
  await waitFor(`http://127.0.0.1:${port}/api/health`, proc, "npm start server");
  if (workers === 1) return switchyardTarget("start", "Switchyard, `npm start` server (scripts/serve.ts: console and gateway on one port), `SWITCHYARD_WORKERS=1`", proc, port, env);
  // The primary answers /api/health before every worker is up: wait until all of them are.
  const deadline = Date.now() + 60_000;
  while (treeRssMb(proc.child.pid!).size < workers + 1 && Date.now() < deadline) await sleep(200);
  return switchyardTarget("workers", `the same server with \`SWITCHYARD_WORKERS=${workers}\` (one worker per core, behind a primary process)`, proc, port, env);
}

async function startPortkey(env: BenchEnv): Promise<Target> {
  const port = await freePort();
  const entry = path.join("node_modules", "@portkey-ai", "gateway", "build", "start-server.js");
  // The shim makes Portkey's streaming work on the dependency versions npm installs for it
  // (see portkey-stream-shim.mjs); it does not touch JSON responses.
  const shim = path.join(ROOT, "bench", "gateway", "portkey-stream-shim.mjs");
  const proc = startProcess("portkey", process.execPath, ["--import", shim, entry, `--port=${port}`, "--headless"], { NODE_ENV: "production" });
  await waitFor(`http://127.0.0.1:${port}/`, proc, "portkey");
  const version = JSON.parse(readFileSync(path.join(ROOT, "node_modules", "@portkey-ai", "gateway", "package.json"), "utf8")).version;
  return {
    name: "portkey",
    label: `Portkey gateway ${version} (node_modules)`,
    pid: proc.child.pid ?? null,
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    headers: (latency) => ({
      authorization: "Bearer sk-bench",
      "x-portkey-provider": "openai",
      "x-portkey-custom-host": `http://127.0.0.1:${env.upstreamPorts[latency]}/v1`,
    }),
    body: (stream) => requestBody(MODEL, stream),
    stop: () => proc.stop(),
  };
}

async function startBare(env: BenchEnv): Promise<Target> {
  const port = await freePort();
  const proc = startProcess("bare proxy", process.execPath, ["--import", "tsx", "bench/gateway/bare-proxy.ts", String(port)], {});
  await waitFor(`http://127.0.0.1:${port}/healthz`, proc, "bare proxy");
  return {
    name: "bare",
    label: "Bare Node.js proxy (bench/gateway/bare-proxy.ts): the two HTTP exchanges and nothing else, the floor of any Node gateway",
    pid: proc.child.pid ?? null,
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    headers: (latency) => ({ authorization: "Bearer sk-bench", "x-upstream": `http://127.0.0.1:${env.upstreamPorts[latency]}/v1/chat/completions` }),
    body: (stream) => requestBody(MODEL, stream),
    stop: () => proc.stop(),
  };
}

function directTarget(): Target {
  return {
    name: "direct",
    label: "Upstream called directly",
    pid: null,
    url: "", // per latency, see urlFor
    headers: () => ({ authorization: "Bearer sk-bench" }),
    body: (stream) => requestBody(MODEL, stream),
    stop: async () => {},
  };
}

function urlFor(target: Target, latency: Latency, env: BenchEnv): string {
  return target.name === "direct" ? `http://127.0.0.1:${env.upstreamPorts[latency]}/v1/chat/completions` : target.url;
}

// ---------------------------------------------------------------------------------------------
// Database

async function prepareDatabase(upstreamPorts: Record<Latency, number>, masterKey: string): Promise<{ url: string; keys: Record<Latency, string> }> {
  const url = withDatabase(DB_SERVER, `switchyard_bench_${Date.now().toString(36)}`);
  if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) throw new Error("The benchmark only runs against a local database");
  await ensureDatabase(url);
  try {
    await migrate(url);
  } catch (error) {
    await dropDatabase(url).catch(() => {});
    throw error;
  }
  const db = createPrismaClient(url);
  try {
    await seedGlobalCatalog(db);
    const keys = {} as Record<Latency, string>;
    for (const latency of LATENCIES) {
      // One tenant per upstream latency: the tenant's OpenAI credential points at it.
      const tenant = await db.tenant.create({ data: { name: `Bench ${latency} ms`, slug: `bench-${latency}ms` } });
      const team = await db.team.create({ data: { tenantId: tenant.id, name: "Bench", monthlyBudgetUsd: 1_000_000 } });
      const policy = await db.routingPolicy.create({
        data: {
          tenantId: tenant.id,
          name: "bench",
          isDefault: true,
          baselineModelSlug: "claude-opus-4.6",
          cacheTtlSeconds: null,
          rules: { create: BUILTIN_CATEGORIES.map((category) => ({ category, qualityBar: 0, allowedModels: [MODEL], fallbackOrder: [MODEL] })) },
        },
      });
      const secret = `sk-upstream-${randomBytes(8).toString("hex")}`;
      await db.providerCredential.create({
        data: {
          tenantId: tenant.id,
          provider: "openai",
          baseUrl: `http://127.0.0.1:${upstreamPorts[latency]}/v1`,
          secretEnc: encryptSecret(secret, Buffer.from(masterKey, "base64")),
          secretHint: secretHint(secret),
        },
      });
      const key = generateApiKeySecret();
      await db.apiKey.create({
        data: {
          tenantId: tenant.id, teamId: team.id, policyId: policy.id, name: "Bench key", prefix: key.prefix, hash: key.hash,
          scopes: ["gateway"], rpmLimit: 100_000_000, tpmLimit: 2_000_000_000, monthlyBudgetUsd: 1_000_000,
        },
      });
      keys[latency] = key.secret;
    }
    return { url, keys };
  } catch (error) {
    await db.$disconnect();
    await dropDatabase(url).catch(() => {});
    throw error;
  } finally {
    await db.$disconnect();
  }
}

async function usageRows(url: string): Promise<number> {
  const db = createPrismaClient(url);
  try {
    return await db.requestLog.count();
  } finally {
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Measurement

interface Row {
  target: string;
  latency: Latency;
  stream: boolean;
  concurrency: number;
  rps: number;
  requests: number;
  errors: number;
  firstError: string | null;
  /** CPU time the target's processes spent per request (user + system). */
  cpuMsPerRequest: number;
  ttfbP50: number;
  ttfbP99: number;
  totalP50: number;
  totalP99: number;
}

/** One slice of one cell for one target: a warm-up, then load for `durationMs`, with the CPU it cost. */
interface Slice {
  result: LoadResult;
  cpuMs: number;
}

async function measureSlice(target: Target, env: BenchEnv, latency: Latency, stream: boolean, concurrency: number, durationMs: number, warmUpMs: number): Promise<Slice> {
  const spec = { url: urlFor(target, latency, env), headers: target.headers(latency), body: target.body(stream), concurrency };
  // Warm-up: connections, JIT, caches (key, tenant config, limiter month counters).
  await runLoad({ ...spec, durationMs: warmUpMs, maxRequests: 20_000 });
  const cpuBefore = target.pid === null ? 0 : treeCpuMs(target.pid);
  const result = await runLoad({ ...spec, durationMs, maxRequests: MAX_PER_RUN });
  return { result, cpuMs: target.pid === null ? Number.NaN : treeCpuMs(target.pid) - cpuBefore };
}

/** A cell's figures over all its slices, as if one run: requests over time, samples pooled. */
function pooledRow(target: string, latency: Latency, stream: boolean, concurrency: number, slices: Slice[]): Row {
  const merge = (pick: (r: LoadResult) => Float64Array) => {
    const all = new Float64Array(slices.reduce((n, s) => n + pick(s.result).length, 0));
    let at = 0;
    for (const s of slices) {
      all.set(pick(s.result), at);
      at += pick(s.result).length;
    }
    return all.sort();
  };
  const requests = slices.reduce((n, s) => n + s.result.requests, 0);
  const elapsedMs = slices.reduce((n, s) => n + s.result.elapsedMs, 0);
  const [ttfb, total] = [merge((r) => r.ttfbMs), merge((r) => r.totalMs)];
  return {
    target, latency, stream, concurrency, requests,
    rps: (requests / elapsedMs) * 1000,
    errors: slices.reduce((n, s) => n + s.result.errors, 0),
    firstError: slices.find((s) => s.result.firstError)?.result.firstError ?? null,
    cpuMsPerRequest: slices.reduce((n, s) => n + s.cpuMs, 0) / Math.max(1, requests),
    ttfbP50: percentile(ttfb, 50), ttfbP99: percentile(ttfb, 99), totalP50: percentile(total, 50), totalP99: percentile(total, 99),
  };
}

/**
 * Every target through one cell side by side: ROUNDS rounds, each giving every target a
 * slice in turn (the order rotates per round), so that a machine whose speed drifts over
 * minutes slows every target alike instead of whichever happened to run then.
 */
async function measureCell(targets: Target[], env: BenchEnv, latency: Latency, stream: boolean, concurrency: number): Promise<Row[]> {
  const slices = new Map<string, Slice[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(i + round) % targets.length]!;
      // The first turn warms a target up until V8 has optimised its hot paths (a gateway runs
      // for hours); later turns only re-open connections.
      const warmUpMs = round === 0 ? (QUICK ? 1_000 : 3_000) : 250;
      slices.get(target.name)!.push(await measureSlice(target, env, latency, stream, concurrency, DURATION_MS / ROUNDS, warmUpMs));
    }
  }
  return targets.map((t) => pooledRow(t.name, latency, stream, concurrency, slices.get(t.name)!));
}

interface MemoryRun {
  target: string;
  requests: number;
  errors: number;
  rps: number;
  rssMb: number[];
  checkpoints: number[];
  /** Processes in the tree (a primary and its workers), and the largest growth of one of them over the second half (MB). */
  processes?: number;
  maxProcessGrowthMb?: number;
  /** Live heap (MB, after a full GC, from a heap snapshot) of the tree at each checkpoint, and the largest growth of one process over the second half. */
  liveHeapMb?: number[];
  maxLiveHeapGrowthMb?: number;
}

/** Live heap of every process in the tree, by pid (see live-heap.ts); taken after its RSS. */
async function treeLiveHeapMb(pids: Iterable<number>): Promise<Map<number, number>> {
  const mb = new Map<number, number>();
  for (const pid of pids) {
    const live = await liveHeapMb(pid, HEAP_DIR!);
    if (live !== undefined) mb.set(pid, live);
  }
  return mb;
}

/** Largest growth (MB) of one process between two samples by pid. */
function maxGrowth(from: Map<number, number>, to: Map<number, number>): number {
  return Math.max(...[...to].map(([p, mb]) => mb - (from.get(p) ?? mb)));
}

/** Many requests at concurrency 64 (JSON, 0 ms upstream); RSS of the process tree at checkpoints. */
async function memoryRun(target: Target, env: BenchEnv, total: number): Promise<MemoryRun> {
  const pid = target.pid!;
  const spec = { url: urlFor(target, 0, env), headers: target.headers(0), body: target.body(false), concurrency: 64 };
  const steps = 4;
  const samples = [treeRssMb(pid)];
  const snapshots = target.heapSnapshots === true;
  const heaps = snapshots ? [await treeLiveHeapMb(samples[0]!.keys())] : [];
  const checkpoints = [0];
  let requests = 0;
  let errors = 0;
  let elapsed = 0;
  const deadline = Date.now() + LONG_DEADLINE_MS;
  for (let i = 1; i <= steps && Date.now() < deadline; i++) {
    const n = Math.round((total * i) / steps) - requests;
    const r = await runLoad({ ...spec, durationMs: Math.max(1_000, deadline - Date.now()), maxRequests: n });
    requests += r.requests;
    errors += r.errors;
    elapsed += r.elapsedMs;
    checkpoints.push(requests);
    samples.push(treeRssMb(pid));
    if (snapshots) heaps.push(await treeLiveHeapMb(samples[samples.length - 1]!.keys()));
  }
  const half = (xs: Map<number, number>[]) => maxGrowth(xs[Math.floor(xs.length / 2)]!, xs[xs.length - 1]!);
  return {
    target: target.name, requests, errors, rps: (requests / elapsed) * 1000, rssMb: samples.map(sumOf), checkpoints,
    processes: samples[samples.length - 1]!.size, maxProcessGrowthMb: half(samples),
    ...(heaps.length > 0 ? { liveHeapMb: heaps.map(sumOf), maxLiveHeapGrowthMb: half(heaps) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const fmt = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");
const signed = (x: number | undefined) => (x === undefined ? "–" : `${x >= 0 ? "+" : ""}${fmt(x, 0)} MB`);
const NAMES: Record<string, string> = {
  direct: "direct",
  bare: "bare Node proxy",
  lean: "Switchyard lean",
  baseline: "Switchyard lean (baseline)",
  start: "Switchyard npm start",
  workers: "Switchyard npm start, workers = cores",
  // Runs saved while the console's Next.js routes served /v1 (`--report-from`).
  next: "Switchyard Next.js",
  portkey: "Portkey",
};

function report(rows: Row[], memory: MemoryRun[], labels: Map<string, string>, meta: Record<string, string>): string {
  const direct = (r: Row) => rows.find((d) => d.target === "direct" && d.latency === r.latency && d.stream === r.stream && d.concurrency === r.concurrency);
  const out: string[] = [];
  out.push("## Gateway overhead", "");
  out.push("Command (from the repository root; needs PostgreSQL on 127.0.0.1:5432 and a production build, made when missing):", "", "    npm run bench:gateway", "");
  out.push(`Machine: ${meta.machine}. ${meta.node}. Run on ${meta.date}; load average before the run ${meta.loadBefore}, after ${meta.loadAfter}.`, "");
  out.push(
    "Set-up: a local OpenAI-compatible upstream (bench/gateway/upstream.ts) answering at once or after 50 ms, a fixed " +
      "completion of 11 tokens, JSON or SSE (13 chunks + usage). Closed-loop clients with keep-alive connections " +
      `(bench/gateway/load.ts). The targets run side by side: each cell gives every target ${DURATION_MS / 1000} s in ${ROUNDS} rounds of ${fmt(DURATION_MS / ROUNDS / 1000, 1)} s, the targets taking turns (the order rotates per round, after a ${QUICK ? 1 : 3} s warm-up in the first round and a short one later), and pools the rounds; this machine's speed drifts over minutes, and turns make that drift fall on every target alike. Every process (upstream, gateways, load generator, PostgreSQL) shares this machine.`,
    "",
  );
  out.push(
    "Switchyard runs with everything on: API key check, `model: \"auto\"` routed through a policy to gpt-5.4 on the " +
      "tenant's OpenAI credential (the real OpenAI adapter), per-key rate limits (rpm and tpm) and monthly key and team " +
      "budgets reserved and settled per request, circuit breakers, and a usage record per request written in batches to " +
      "PostgreSQL. The response cache is off (no TTL on the policy), so every request goes upstream. Portkey gets the same " +
      "requests with `x-portkey-provider: openai` and `x-portkey-custom-host` pointing at the upstream.",
    "",
  );
  out.push("Targets:", "");
  for (const [name, label] of labels) out.push(`- **${NAMES[name] ?? name}**: ${label}`);
  out.push("");
  out.push("Added latency = the target's percentile minus the same percentile of the upstream called directly in the same cell. For streams, TTFB is the time to the first body byte and total the time to the end of the stream.", "");

  for (const stream of [false, true]) {
    out.push(`### ${stream ? "Streaming (SSE)" : "JSON (non-streaming)"}`, "");
    out.push(
      stream
        ? "| upstream | conc. | target | req/s | CPU ms/req | TTFB p50 ms | total p50 ms | total p99 ms | added TTFB p50 ms | added total p50 ms | added total p99 ms | errors |"
        : "| upstream | conc. | target | req/s | CPU ms/req | p50 ms | p99 ms | added p50 ms | added p99 ms | errors |",
    );
    out.push(stream ? "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|" : "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for (const latency of LATENCIES) {
      for (const c of CONCURRENCY) {
        for (const r of rows.filter((x) => x.stream === stream && x.latency === latency && x.concurrency === c)) {
          const d = direct(r);
          const added = (a: number, b: number | undefined) => (r.target === "direct" || b === undefined ? "" : fmt(a - b));
          const cells = stream
            ? [fmt(r.ttfbP50), fmt(r.totalP50), fmt(r.totalP99), added(r.ttfbP50, d?.ttfbP50), added(r.totalP50, d?.totalP50), added(r.totalP99, d?.totalP99)]
            : [fmt(r.totalP50), fmt(r.totalP99), added(r.totalP50, d?.totalP50), added(r.totalP99, d?.totalP99)];
          out.push(`| ${latency} ms | ${c} | ${NAMES[r.target]} | ${fmt(r.rps, 0)} | ${r.target === "direct" ? "" : fmt(r.cpuMsPerRequest)} | ${cells.join(" | ")} | ${r.errors} |`);
        }
      }
    }
    out.push("");
  }

  if (memory.length) {
    out.push("### Memory over a long run", "");
    out.push(
      "JSON, 0 ms upstream, concurrency 64, after the measurements above. RSS of the gateway's process tree (MB) at each " +
        "checkpoint; the last column is the largest growth of any one process of the tree (a worker, its primary) over the second half.",
      "",
    );
    const cps = memory[0]!.checkpoints.length;
    out.push(`| target | requests | errors | req/s | ${memory[0]!.checkpoints.map((c) => `RSS @ ${c.toLocaleString("en-US")}`).join(" | ")} | growth, 2nd half | processes | largest growth of one process |`);
    out.push(`|---|---:|---:|---:|${"---:|".repeat(cps)}---:|---:|---:|`);
    for (const m of memory) {
      const growth = m.rssMb[cps - 1]! - m.rssMb[Math.floor(cps / 2)]!;
      out.push(`| ${NAMES[m.target]} | ${m.requests.toLocaleString("en-US")} | ${m.errors} | ${fmt(m.rps, 0)} | ${m.rssMb.map((x) => fmt(x, 0)).join(" | ")} | ${signed(growth)} | ${m.processes ?? "–"} | ${signed(m.maxProcessGrowthMb)} |`);
    }
    out.push("");
    const heaps = memory.filter((m) => m.liveHeapMb);
    if (heaps.length) {
      out.push(
        "Live heap of the same process tree (MB): what a heap snapshot of each process holds (V8 collects garbage before it writes one), " +
          "taken right after each RSS reading. RSS follows how far V8 lets a heap grow under load; the live heap is what a leak would grow.",
        "",
      );
      out.push(`| target | ${heaps[0]!.checkpoints.map((c) => `live heap @ ${c.toLocaleString("en-US")}`).join(" | ")} | largest growth of one process, 2nd half |`);
      out.push(`|---|${"---:|".repeat(heaps[0]!.checkpoints.length)}---:|`);
      for (const m of heaps) out.push(`| ${NAMES[m.target]} | ${m.liveHeapMb!.map((x) => fmt(x, 1)).join(" | ")} | ${signed(m.maxLiveHeapGrowthMb)} |`);
      out.push("");
    }
  }

  // Targets (the default server's, with the lean entry and a saved Next.js run beside it).
  const cell = (t: string, latency: number, stream: boolean, c: number) =>
    rows.find((r) => r.target === t && r.latency === latency && r.stream === stream && r.concurrency === c);
  const mode = (stream: boolean) => (stream ? "SSE (to the end of the stream)" : "JSON");
  const ours = ["start", "lean", "baseline", "next"];
  out.push("### Against the targets", "");
  out.push("| check | result |", "|---|---|");
  for (const stream of [false, true]) {
    const portkey = cell("portkey", 0, stream, 64);
    for (const t of ours) {
      const r = cell(t, 0, stream, 64);
      if (!r || !portkey) continue;
      out.push(`| ${NAMES[t]} req/s ÷ Portkey req/s, ${mode(stream)}, concurrency 64, 0 ms upstream (target ≥ 2.5×) | ${fmt(r.rps / portkey.rps)}× (${fmt(r.rps, 0)} vs ${fmt(portkey.rps, 0)}) |`);
    }
  }
  for (const stream of [false, true]) {
    const bare = cell("bare", 0, stream, 64);
    for (const t of ours) {
      const r = cell(t, 0, stream, 64);
      if (!r || !bare) continue;
      out.push(`| ${NAMES[t]} CPU per request ÷ bare Node proxy's, ${mode(stream)}, concurrency 64, 0 ms upstream (target ≤ 2×) | ${fmt(r.cpuMsPerRequest / bare.cpuMsPerRequest)}× (${fmt(r.cpuMsPerRequest)} vs ${fmt(bare.cpuMsPerRequest)} ms) |`);
    }
  }
  for (const stream of [false, true]) {
    const direct0 = cell("direct", 0, stream, 1);
    for (const t of ["bare", ...ours]) {
      const r = cell(t, 0, stream, 1);
      if (!r || !direct0) continue;
      const goal = t === "bare" ? "no target: the floor" : `target < ${stream ? "0.7" : "0.5"} ms`;
      out.push(`| ${NAMES[t]} added p50, ${mode(stream)}, concurrency 1, 0 ms upstream (${goal}) | ${fmt(r.totalP50 - direct0.totalP50)} ms |`);
    }
  }
  for (const stream of [false, true]) {
    const direct50 = cell("direct", 50, stream, 64);
    for (const t of ["bare", ...ours, "workers"]) {
      const r = cell(t, 50, stream, 64);
      if (!r || !direct50) continue;
      const goal = t === "bare" ? "no target: the floor" : "target ≥ 95%";
      out.push(`| ${NAMES[t]} req/s ÷ the upstream's direct req/s, ${mode(stream)}, concurrency 64, 50 ms upstream (${goal}) | ${fmt((100 * r.rps) / direct50.rps, 1)}% (${fmt(r.rps, 0)} vs ${fmt(direct50.rps, 0)}) |`);
    }
  }
  for (const stream of [false, true]) {
    const one = cell("start", 0, stream, 64);
    const all = cell("workers", 0, stream, 64);
    if (one && all) out.push(`| ${NAMES.workers} req/s ÷ one worker's, ${mode(stream)}, concurrency 64, 0 ms upstream (scaling with cores; the load generator shares them) | ${fmt(all.rps / one.rps)}× (${fmt(all.rps, 0)} vs ${fmt(one.rps, 0)}) |`);
  }
  for (const m of memory) {
    if (m.maxProcessGrowthMb !== undefined) out.push(`| ${NAMES[m.target]}: largest RSS growth of one process over the second half of ${m.requests.toLocaleString("en-US")} requests (target: flat) | ${signed(m.maxProcessGrowthMb)} |`);
    if (m.maxLiveHeapGrowthMb !== undefined) out.push(`| ${NAMES[m.target]}: largest live-heap growth of one process over the second half of ${m.requests.toLocaleString("en-US")} requests (target: flat) | ${signed(m.maxLiveHeapGrowthMb)} |`);
  }
  out.push("");
  return out.join("\n");
}

function writeSection(section: string): void {
  const file = path.join(ROOT, "docs", "BENCHMARKS.md");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  const start = existing.indexOf("## Gateway overhead");
  let next: string;
  if (start < 0) {
    next = `${existing.trimEnd()}\n\n${section.trimEnd()}\n`;
  } else {
    const after = existing.slice(start + 3).search(/\n## /);
    const end = after < 0 ? existing.length : start + 3 + after + 1;
    next = `${existing.slice(0, start)}${section.trimEnd()}\n${end < existing.length ? `\n${existing.slice(end)}` : ""}`;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, next);
}

// ---------------------------------------------------------------------------------------------

/** `--report-from=<last-run.json>`: the markdown of a saved run, written like a fresh one. */
function reportFrom(file: string): void {
  const saved = JSON.parse(readFileSync(file, "utf8")) as { meta: Record<string, string>; rows: Row[]; memory: MemoryRun[]; labels: Array<[string, string]> };
  const section = report(saved.rows, saved.memory, new Map(saved.labels), saved.meta);
  console.log(section);
  if (!args.has("no-write")) writeSection(section);
}

async function main() {
  const fromFile = args.get("report-from");
  if (fromFile) return reportFrom(fromFile);
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(" ");
  log(`load average ${loadBefore}`);
  const upstreamPorts: Record<Latency, number> = { 0: await freePort(), 50: await freePort() };
  const upstream = startProcess("upstream", process.execPath, ["--import", "tsx", "bench/gateway/upstream.ts", String(upstreamPorts[0]), String(upstreamPorts[50]), String(UPSTREAM_DELAY_MS)], {});
  const procs: Array<() => Promise<void>> = [() => upstream.stop()];
  let databaseUrl: string | null = null;
  try {
    await waitFor(`http://127.0.0.1:${upstreamPorts[0]}/healthz`, upstream, "upstream");
    const masterKey = randomBytes(32).toString("base64");
    log("creating, migrating and seeding the database");
    const db = await prepareDatabase(upstreamPorts, masterKey);
    databaseUrl = db.url;
    const env: BenchEnv = { upstreamPorts, databaseUrl: db.url, masterKey, keys: db.keys };

    const starters: Array<[string, () => Promise<Target>]> = [
      ["direct", async () => directTarget()],
      ["bare", () => startBare(env)],
      ["lean", () => startLean(env)],
      ["baseline", () => startBaseline(env, args.get("baseline")!)],
      ["start", () => startServer(env, 1)],
      ["workers", () => startServer(env, cpus().length)],
      ["portkey", () => startPortkey(env)],
    ];
    const rows: Row[] = [];
    const memory: MemoryRun[] = [];
    const labels = new Map<string, string>();
    const targets: Target[] = [];
    for (const [name, start] of starters) {
      if (name !== "direct" && !wanted(name)) continue;
      log(`starting ${name}`);
      const target = await start();
      procs.push(() => target.stop());
      labels.set(name, target.label);
      targets.push(target);
    }
    for (const stream of [false, true]) {
      if (!MODES.includes(stream ? "sse" : "json")) continue;
      for (const latency of LATENCIES) {
        if (LATENCY_FILTER && !LATENCY_FILTER.includes(latency)) continue;
        for (const c of CONCURRENCY) {
          for (const row of await measureCell(targets, env, latency, stream, c)) {
            rows.push(row);
            log(`${row.target} ${stream ? "sse " : "json"} ${latency}ms c=${c}: ${fmt(row.rps, 0)} req/s p50 ${fmt(row.totalP50)} p99 ${fmt(row.totalP99)} ttfb p50 ${fmt(row.ttfbP50)} cpu/req ${fmt(row.cpuMsPerRequest, 3)} ms errors ${row.errors}${row.firstError ? ` (${row.firstError})` : ""}`);
          }
        }
      }
    }
    for (const target of targets) {
      // The memory run is about the gateways; the floor and a baseline bundle are left out.
      if (target.pid === null || target.name === "bare" || target.name === "baseline" || LONG_REQUESTS === 0) continue;
      log(`${target.name}: memory run of ${LONG_REQUESTS} requests`);
      const m = await memoryRun(target, env, LONG_REQUESTS);
      memory.push(m);
      log(`${target.name}: ${m.requests} requests, ${m.errors} errors, ${fmt(m.rps, 0)} req/s, RSS ${m.rssMb.map((x) => fmt(x, 0)).join(" → ")} MB`);
    }
    if (wanted("lean") || wanted("start") || wanted("workers")) {
      await sleep(1_500);
      log(`usage rows written: ${await usageRows(db.url)}`);
    }

    const cpu = readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.+)/)?.[1] ?? cpus()[0]?.model ?? "unknown CPU";
    const meta = {
      machine: `${cpus().length} cores (nproc), ${cpu}, ${Math.round(Number(readFileSync("/proc/meminfo", "utf8").match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1024 / 1024)} GB RAM, Linux`,
      node: `Node ${process.version}`,
      date: new Date().toISOString().slice(0, 10),
      loadBefore,
      loadAfter: loadavg().map((l) => l.toFixed(2)).join(" "),
    };
    const section = report(rows, memory, labels, meta);
    console.log(section);
    if (!args.has("no-write")) {
      writeSection(section);
      log("wrote docs/BENCHMARKS.md (section \"Gateway overhead\")");
    }
    // A trial run keeps its own file, so that last-run.json stays the run behind the docs.
    const saved = path.join(ROOT, "bench", "gateway", "results", args.has("no-write") ? "trial-run.json" : "last-run.json");
    mkdirSync(path.dirname(saved), { recursive: true });
    writeFileSync(saved, JSON.stringify({ meta, rows, memory, labels: [...labels] }, null, 2));
    log(`saved the figures in ${path.relative(ROOT, saved)}`);
  } finally {
    for (const stop of procs.reverse()) await stop().catch(() => {});
    if (HEAP_DIR) rmSync(HEAP_DIR, { recursive: true, force: true });
    if (databaseUrl) await dropDatabase(databaseUrl).catch((e) => log(`could not drop ${databaseUrl}: ${e}`));
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
