import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAt } from "./retry-schedule";

describe("retry schedule", () => {
  const failedAt = new Date("2026-12-14T12:00:00Z");
  const after = (attempts: number) => {
    const next = nextAttemptAt(attempts, failedAt);
    return next && (next.getTime() - failedAt.getTime()) / 1000;
  };

  it("waits 30 s, 2 min, 10 min, 1 h and 6 h after the 1st to 5th failed attempt", () => {
    expect([1, 2, 3, 4, 5].map(after)).toEqual([30, 120, 600, 3600, 21_600]);
  });

  it("gives up after six attempts", () => {
    expect(MAX_ATTEMPTS).toBe(6);
    expect(nextAttemptAt(MAX_ATTEMPTS, failedAt)).toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS + 3, failedAt)).toBeNull();
  });
});
