import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { heapSnapshotNodeOptions, liveHeapMb } from "./live-heap";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A Node process that keeps `keepMb` of arrays reachable and `garbageMb` unreachable, then idles. */
async function holder(dir: string, keepMb: number, garbageMb: number): Promise<number> {
  const script = `
    const block = (mb) => Array.from({ length: mb }, () => new Float64Array(131072));
    globalThis.kept = block(${keepMb});
    let lost = block(${garbageMb}); lost = null;
    console.log("ready");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", script], { env: { ...process.env, NODE_OPTIONS: heapSnapshotNodeOptions(dir) }, stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return child.pid!;
}

describe("live heap from a heap snapshot", () => {
  it("counts what is reachable, not what is garbage, and removes the snapshot", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "live-heap-test-"));
    dirs.push(dir);
    const [idle, holding] = [await holder(dir, 0, 64), await holder(dir, 48, 64)];
    const idleMb = (await liveHeapMb(idle, dir))!;
    const holdingMb = (await liveHeapMb(holding, dir))!;
    // Float64Array contents live outside V8's heap, but each 1 MB block is counted as the typed
    // array's backing store in the snapshot; 64 MB of garbage must not be.
    expect(idleMb).toBeGreaterThan(0);
    expect(idleMb).toBeLessThan(40);
    expect(holdingMb - idleMb).toBeGreaterThan(40);
    expect(holdingMb - idleMb).toBeLessThan(60);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it("gives up on a process that writes no snapshot", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "live-heap-test-"));
    dirs.push(dir);
    const child = spawn(process.execPath, ["-e", "process.on('SIGUSR2', () => {}); console.log('ready'); setInterval(() => {}, 1000)"], { stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
    expect(await liveHeapMb(child.pid!, dir, 1_500)).toBeUndefined();
  }, 20_000);
});
