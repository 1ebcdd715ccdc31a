import { describe, expect, it } from "vitest";
import { shareRecentResult } from "./share-recent-result";

describe("shareRecentResult", () => {
  it("runs the work once for every call within the time, then again", async () => {
    let clock = 0;
    let runs = 0;
    const check = shareRecentResult(async () => ++runs, 1_000, () => clock);
    expect(await Promise.all([check(), check(), check()])).toEqual([1, 1, 1]);
    clock = 999;
    expect(await check()).toBe(1);
    clock = 1_000;
    expect(await check()).toBe(2);
    expect(runs).toBe(2);
  });

  it("shares a failure for the same time, and tries again after it", async () => {
    let clock = 0;
    let fail = true;
    const check = shareRecentResult(async () => {
      if (fail) throw new Error("down");
      return "up";
    }, 1_000, () => clock);
    await expect(check()).rejects.toThrow("down");
    fail = false;
    await expect(check()).rejects.toThrow("down");
    clock = 1_500;
    expect(await check()).toBe("up");
  });
});
