// Live heap of a running gateway process, for the memory run. RSS moves with how large V8 lets
// each heap grow under load, so a process whose RSS rises over a long run may or may not leak.
// A heap snapshot answers it: V8 collects garbage before it writes one, so the snapshot's total
// size is what is still reachable. The gateway is started with `--heapsnapshot-signal` (Node's own
// option; nothing in the gateway's code), and the benchmark signals each process at a checkpoint.
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

const SIGNAL = "SIGUSR2";

/** NODE_OPTIONS for a process whose heap the benchmark will snapshot into `dir`. */
export function heapSnapshotNodeOptions(dir: string): string {
  return `--heapsnapshot-signal=${SIGNAL} --diagnostic-dir=${dir}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Total self size (MB) of the nodes of a V8 heap snapshot: the heap reachable after a full GC. */
export function snapshotLiveMb(json: string): number {
  const snap = JSON.parse(json) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const stride = fields.length;
  const self = fields.indexOf("self_size");
  if (self < 0 || stride === 0) throw new Error("heap snapshot without self_size");
  let bytes = 0;
  for (let i = self; i < snap.nodes.length; i += stride) bytes += snap.nodes[i]!;
  return bytes / 1024 / 1024;
}

/**
 * Signal `pid` to write a heap snapshot into `dir`, wait until it is complete, and return its live
 * size (MB); the file is removed. Undefined when the process wrote none within `timeoutMs` (it
 * exited, or it was not started with `heapSnapshotNodeOptions`).
 */
export async function liveHeapMb(pid: number, dir: string, timeoutMs = 120_000): Promise<number | undefined> {
  const mine = (f: string) => f.endsWith(".heapsnapshot") && f.split(".").includes(String(pid));
  const before = new Set(readdirSync(dir).filter(mine));
  try {
    process.kill(pid, SIGNAL);
  } catch {
    return undefined;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await sleep(250);
    const file = readdirSync(dir).find((f) => mine(f) && !before.has(f));
    if (!file) continue;
    const full = path.join(dir, file);
    // V8 writes the file in pieces; it is complete once it parses (the size settles first).
    let size = -1;
    while (Date.now() < deadline) {
      const now = statSync(full).size;
      if (now === size && now > 0) {
        try {
          const mb = snapshotLiveMb(readFileSync(full, "utf8"));
          rmSync(full, { force: true });
          return mb;
        } catch {
          // not complete yet
        }
      }
      size = now;
      await sleep(500);
    }
  }
  return undefined;
}
