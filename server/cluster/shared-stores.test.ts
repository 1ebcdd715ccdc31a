import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("hostSharedStores", () => {
  it("outlives a reply to a worker that was killed while its call was being answered", () => {
    const fixture = path.join(import.meta.dirname, "fixtures", "reply-to-killed-worker.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", fixture], { encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).not.toMatch(/EPIPE/);
    expect(run.stdout).toContain("primary survived");
    expect(run.status).toBe(0);
  });
});
