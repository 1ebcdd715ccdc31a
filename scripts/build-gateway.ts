// Bundles the lean gateway (scripts/gateway.ts) and the `npm start` server (scripts/serve.ts),
// each with the server code it imports, into one plain JavaScript file that `node` runs
// directly. tsx's on-the-fly transform wraps every closure the handlers create per request in a
// naming helper, which showed in the profiles and cost CPU per request (docs/BENCHMARKS.md).
// Packages stay external, loaded from node_modules as usual.
// Run: `tsx scripts/build-gateway.ts` (both bundles).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { USAGE_THREAD_BUNDLE } from "../server/usage/usage-thread-bundle";

export const GATEWAY_BUNDLE = path.join(".gateway", "gateway.mjs");
export const SERVER_BUNDLE = path.join(".gateway", "serve.mjs");

/**
 * Node options for both bundles (worker processes inherit them). A larger young generation:
 * each request's usage record waits up to a flush interval in memory, so with V8's default
 * (16 MB semi-spaces) many of them survive scavenges and are copied and promoted; with 64 MB
 * they die young. Measured in turns with the same bundle without it: 5 to 14% less CPU per
 * request and a lower p99 (docs/BENCHMARKS.md). The young generation grows to it only under load.
 */
export const SERVER_NODE_OPTIONS = ["--max-semi-space-size=64"];

/** Writes the bundle and its source map under temporary names first: a concurrent start never reads half a file. */
function bundle(root: string, entry: string, bundleFile: string): string {
  const outfile = path.join(root, bundleFile);
  const result = buildSync({
    entryPoints: [path.join(root, entry)],
    outfile,
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    // `node --enable-source-maps .gateway/gateway.mjs` shows TypeScript locations in stack traces.
    sourcemap: "linked",
    logLevel: "warning",
  });
  mkdirSync(path.dirname(outfile), { recursive: true });
  // The map first, so that the bundle never points at a missing or older map.
  const files = [...result.outputFiles].sort((a) => (a.path.endsWith(".map") ? -1 : 1));
  for (const file of files) {
    const partial = `${file.path}.${process.pid}.tmp`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return outfile;
}

/** Both entry points start the usage writer's thread from this bundle, beside them (server/usage/threaded-usage-writer.ts). */
function buildUsageThread(root: string): void {
  bundle(root, path.join("server", "usage", "usage-writer-thread.ts"), path.join(".gateway", USAGE_THREAD_BUNDLE));
}

const GATEWAY_ENTRY = path.join("scripts", "gateway.ts");
const SERVER_ENTRY = path.join("scripts", "serve.ts");

export function buildGateway(root = process.cwd()): string {
  buildUsageThread(root);
  return bundle(root, GATEWAY_ENTRY, GATEWAY_BUNDLE);
}

export function buildServer(root = process.cwd()): string {
  buildUsageThread(root);
  return bundle(root, SERVER_ENTRY, SERVER_BUNDLE);
}

if (require.main === module) {
  // As a command: all three bundles, the usage thread's once.
  const root = process.cwd();
  buildUsageThread(root);
  bundle(root, GATEWAY_ENTRY, GATEWAY_BUNDLE);
  bundle(root, SERVER_ENTRY, SERVER_BUNDLE);
}
