import { describe, expect, it } from "vitest";
import { InProcessBreakerStore } from "./breaker-store";
import { DEFAULT_BREAKER_CONFIG } from "./circuit-breaker";

const config = { ...DEFAULT_BREAKER_CONFIG, consecutiveFailures: 2, coolDownMs: 1_000 };
const keys = ["t:model:m", "t:provider:p"];

describe("InProcessBreakerStore.allClosed", () => {
  it("follows breakers as they open, probe and close again", async () => {
    const store = new InProcessBreakerStore(config);
    expect(store.allClosed()).toBe(true);
    expect(await store.record(keys, false, 0)).toEqual([false, false]);
    expect(store.allClosed()).toBe(true);
    // The second failure opens both, and says so once.
    expect(await store.record(keys, false, 1)).toEqual([true, true]);
    expect(await store.record(keys, false, 2)).toEqual([false, false]);
    expect(store.allClosed()).toBe(false);
    expect(await store.acquire(keys, 500)).toBe(false);
    // After the cool-down one probe goes through (half-open), and its success closes both.
    expect(await store.acquire(keys, 1_500)).toBe(true);
    expect(store.allClosed()).toBe(false);
    expect(await store.acquire(keys, 1_600)).toBe(false);
    expect(await store.record(keys, true, 1_700)).toEqual([false, false]);
    expect(store.allClosed()).toBe(true);
    expect(await store.acquire(keys, 1_800)).toBe(true);
  });

  it("a late success report leaves an open breaker open", async () => {
    const store = new InProcessBreakerStore(config);
    await store.record(keys, false, 0);
    await store.record(keys, false, 1);
    await store.record(keys, true, 2);
    expect(store.allClosed()).toBe(false);
  });
});
