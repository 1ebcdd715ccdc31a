import { describe, expect, it } from "vitest";
import { InProcessBreakerStore } from "./breaker-store";
import { breakerIdleTtlMs, CLOSED, DEFAULT_BREAKER_CONFIG } from "./circuit-breaker";

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

describe("InProcessBreakerStore forgets idle breakers", () => {
  const ttl = breakerIdleTtlMs(config);

  it("closes an open breaker nobody calls again once it has been idle for the TTL, as Redis expires its key", async () => {
    const store = new InProcessBreakerStore(config);
    await store.record(keys, false, 0);
    await store.record(keys, false, 1);
    // Reports that leave it open do not keep it alive.
    await store.record(keys, false, ttl - 10);
    expect((await store.read(keys, ttl)).map((s) => s.phase)).toEqual(["open", "open"]);
    expect(store.allClosed()).toBe(false);
    expect((await store.read(keys, ttl + 1)).map((s) => s.phase)).toEqual(["closed", "closed"]);
    // A call through the store sweeps it out (sweeps run at most every tenth of the TTL), and the
    // all-closed shortcut is back.
    expect(await store.acquire(["t:model:other"], ttl + ttl / 10)).toBe(true);
    expect(store.allClosed()).toBe(true);
    expect(await store.listNotClosed(10)).toEqual([]);
  });

  it("keeps a breaker that is still in use, and forgets a half-open probe that never reported", async () => {
    const store = new InProcessBreakerStore(config);
    await store.record(keys, false, 0);
    await store.record(keys, false, 1);
    // The probe goes out after the cool-down and never reports.
    const probeAt = 1_500;
    expect(await store.acquire(keys, probeAt)).toBe(true);
    expect(await store.read(keys, probeAt + ttl - 1)).not.toEqual([CLOSED, CLOSED]);
    await store.record(["t:model:other"], true, probeAt + ttl);
    expect(store.allClosed()).toBe(true);
    // A closed breaker's failure count lasts while it is used, and is forgotten when it is not.
    await store.record(["t:model:m"], false, 2 * ttl);
    expect((await store.read(["t:model:m"], 2 * ttl + config.windowMs))[0]!.consecutiveFailures).toBe(1);
    expect((await store.read(["t:model:m"], 2 * ttl + config.windowMs + ttl))[0]).toEqual(CLOSED);
  });
});
