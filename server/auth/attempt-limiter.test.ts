import { describe, expect, it } from "vitest";
import { createAttemptLimiter } from "./attempt-limiter";

describe("attempt limiter", () => {
  it("allows the maximum within a window, refuses beyond it, and starts afresh after it", () => {
    const limiter = createAttemptLimiter(1_000, 3);
    expect([0, 10, 20, 30].map((t) => limiter.allow("a", t))).toEqual([true, true, true, false]);
    expect(limiter.allow("b", 30)).toBe(true);
    expect(limiter.allow("a", 1_000)).toBe(true);
  });

  it("forgets a key when cleared, as after a successful sign-in", () => {
    const limiter = createAttemptLimiter(1_000, 1);
    expect(limiter.allow("a", 0)).toBe(true);
    expect(limiter.allow("a", 1)).toBe(false);
    limiter.clear("a");
    expect(limiter.allow("a", 2)).toBe(true);
  });
});
