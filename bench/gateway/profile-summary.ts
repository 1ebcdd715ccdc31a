// Summarises a V8 .cpuprofile (from node --cpu-prof): top functions by self time, and self
// time grouped by file. Usage: tsx bench/gateway/profile-summary.ts <file.cpuprofile> [top]
// [--from=<seconds>]; --from leaves out the samples before that point (the start-up).
// Frames in a bundle with a source map (the lean gateway's) are named by their TypeScript source.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sourceMapLookup, type SourcePosition } from "./source-map-lookup";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const fromArg = process.argv.find((a) => a.startsWith("--from="));
const [file, topArg] = process.argv.slice(2).filter((a) => a !== fromArg);
if (!file) throw new Error("usage: profile-summary.ts <file.cpuprofile> [top] [--from=<seconds>]");
const top = Number(topArg ?? 30);
const fromUs = Number(fromArg?.slice("--from=".length) ?? 0) * 1e6;
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const lookups = new Map<string, ReturnType<typeof sourceMapLookup>>();
for (const { callFrame } of profile.nodes) {
  const { url, lineNumber, columnNumber } = callFrame;
  if (!url.startsWith("file://") || !url.endsWith(".mjs")) continue;
  if (!lookups.has(url)) lookups.set(url, sourceMapLookup(fileURLToPath(url)));
  const source: SourcePosition | null | undefined = lookups.get(url)?.(lineNumber, columnNumber);
  if (source) Object.assign(callFrame, { url: `file://${process.cwd()}/${source.file}`, lineNumber: source.line - 1 });
}
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const us = profile.timeDeltas[i] ?? 0;
  elapsed += us;
  if (elapsed >= fromUs) self.set(id, (self.get(id) ?? 0) + us);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const shortUrl = (url: string) => url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "") || "(native)";
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const name = `${functionName || "(anonymous)"}  ${shortUrl(url)}:${lineNumber + 1}`;
  fn.set(name, (fn.get(name) ?? 0) + us);
  const group = shortUrl(url).replace(/(node_modules\/(@[^/]+\/)?[^/]+).*/, "$1");
  files.set(group, (files.get(group) ?? 0) + us);
}
const pct = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
console.log(`total sampled: ${(total / 1000).toFixed(0)} ms`);
console.log("\nTop functions by self time:");
for (const [name, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);
console.log("\nSelf time by file / package:");
for (const [name, us] of [...files].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);

// Inclusive (self + callees) time per function, counted once per stack (no double counting
// of recursion). Async functions only count their synchronous stretches.
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const inclusive = new Map<string, number>();
for (const [id, us] of self) {
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const { functionName, url, lineNumber } = byId.get(cur)!.callFrame;
    if (!url.includes("/server/") && !url.includes("/scripts/")) continue;
    const name = `${functionName || "(anonymous)"}  ${shortUrl(url)}:${lineNumber + 1}`;
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + us);
  }
}
console.log("\nOur functions by inclusive time:");
for (const [name, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${name}`);

// Self time by area of the request's journey, for the write-up.
const AREAS: Array<[string, (url: string, fn: string) => boolean]> = [
  ["idle", (u, f) => f === "(idle)"],
  ["socket writes (kernel: loopback TCP send, wake-ups)", (u, f) => f === "writev" || f === "writevGeneric" || f === "writeUtf8String" || f === "writeBuffer"],
  ["garbage collection", (u, f) => f === "(garbage collector)"],
  ["routing (classifier, difficulty, token estimate)", (u) => u.includes("/server/routing/") || u.includes("js-tiktoken")],
  ["provider adapter, SSE parsing, upstream HTTP client", (u) => u.includes("/server/providers/")],
  ["gateway pipeline (keys, limits, breakers, usage, formats, lean entry)", (u) => /\/server\/(gateway|limits|resilience|cache|usage|auth|crypto)\//.test(u)],
  ["web Request/Response, Headers, web streams, AbortSignal", (u) => /undici|webstreams|js_transferable|abort_controller|event_target|internal\/encoding/.test(u)],
  ["Node HTTP, net and streams", (u) => /node:(_http|net|internal\/streams|internal\/stream_base|events|internal\/http|buffer)/.test(u)],
  ["PostgreSQL clients (Prisma, pg)", (u) => /@prisma|wasm:|node_modules\/pg/.test(u)],
  ["request validation (zod)", (u) => u.includes("node_modules/zod")],
  ["module loading and compilation (start-up)", (u) => /modules\/(cjs|esm)|tsx|esbuild/.test(u)],
];
const areas = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url } = byId.get(id)!.callFrame;
  const area = AREAS.find(([, test]) => test(url, functionName))?.[0] ?? "other (microtask queue, timers, crypto, JSON natives)";
  areas.set(area, (areas.get(area) ?? 0) + us);
}
console.log("\nSelf time by area:");
for (const [name, us] of [...areas].sort((a, b) => b[1] - a[1])) console.log(`${pct(us)}  ${name}`);
