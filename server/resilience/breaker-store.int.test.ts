// The Redis store must make exactly the transitions of the pure core (which the in-process
// store applies directly), and several processes must share one breaker.
import { describe, expect, it } from "vitest";
import { setupTestRedis } from "../redis/test-redis";
import type { BreakerConfig } from "./circuit-breaker";
import { InProcessBreakerStore } from "./breaker-store";
import { RedisBreakerStore } from "./redis-breaker-store";
import { CircuitBreakers, type OpenBreaker } from "./circuit-breakers";
import { UpstreamError } from "../providers/upstream-error";

const config: BreakerConfig = { consecutiveFailures: 3, failureRate: 0.5, minCallsForRate: 6, windowMs: 10_000, coolDownMs: 5_000, probeTimeoutMs: 2_000 };
const redis = setupTestRedis();

/** A small deterministic random source, so a failing sequence can be replayed. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const sortedOpen = (list: OpenBreaker[]) => [...list].sort((a, b) => a.scope.localeCompare(b.scope));

describe("breaker stores", () => {
  it("Redis makes the same transitions as the pure core over random sequences", async () => {
    // Redis forgets idle breakers in real time, which this sequence's clock does not move: the
    // local store must not forget either (breaker-store.test.ts covers its forgetting).
    const local = new InProcessBreakerStore(config, Infinity);
    const shared = new RedisBreakerStore(redis.connect(), config, `${redis.prefix}diff:`);
    const random = seeded(7);
    const keys = ["a", "b"];
    let now = 1_000_000;
    for (let step = 0; step < 600; step++) {
      now += Math.floor(random() * 1_500);
      const pick = random();
      const chosen = pick < 0.5 ? ["a"] : pick < 0.8 ? ["b"] : keys;
      const op = random();
      if (op < 0.3) {
        expect(await shared.acquire(chosen, now), `step ${step}`).toBe(await local.acquire(chosen, now));
      } else {
        const success = op < 0.55;
        const [mine, theirs] = await Promise.all([local.record(chosen, success, now), shared.record(chosen, success, now)]);
        expect(theirs, `step ${step}: opened`).toEqual(mine);
      }
      const [mine, theirs] = await Promise.all([local.read(keys, now), shared.read(keys, now)]);
      expect(theirs, `step ${step}`).toEqual(mine);
    }
  });

  it("two processes share one breaker, and only one of them wins the half-open probe", async () => {
    const prefix = `${redis.prefix}shared:`;
    let now = 50_000;
    const clock = () => now;
    const first = new CircuitBreakers(new RedisBreakerStore(redis.connect(), config, prefix), clock);
    const second = new CircuitBreakers(new RedisBreakerStore(redis.connect(), config, prefix), clock);
    const model = { id: "gpt-x", provider: "openai" };
    const outage = new UpstreamError({ status: 503, kind: "server", message: "down", provider: "openai" });

    for (let i = 0; i < 3; i++) await (i % 2 ? first : second).recordFailure("tenant-1", model, outage);
    expect(await second.unhealthy("tenant-1", [model, { id: "other", provider: "openai" }])).toEqual({
      "gpt-x": expect.stringContaining("circuit open"),
      other: expect.stringContaining("provider openai: circuit open"),
    });
    expect(await first.unhealthy("tenant-2", [model])).toEqual({});
    const bothOpen = [{ tenantId: "tenant-1", scope: "model", target: "gpt-x" }, { tenantId: "tenant-1", scope: "provider", target: "openai" }];
    expect(sortedOpen(await first.openNow())).toEqual(bothOpen);

    now += config.coolDownMs;
    expect(await first.openNow()).toEqual([]);
    const grants = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? first : second).tryAcquire("tenant-1", model)));
    expect(grants.filter(Boolean)).toHaveLength(1);
    // Half-open with the probe out: both refuse other calls.
    expect(sortedOpen(await second.openNow())).toEqual(bothOpen);
    await first.recordSuccess("tenant-1", model);
    expect(await second.unhealthy("tenant-1", [model])).toEqual({});
    expect(await second.openNow()).toEqual([]);
    expect(await second.tryAcquire("tenant-1", model)).toBe(true);
  });

  it("a caller's bad request does not count against the upstream", async () => {
    const breakers = new CircuitBreakers(new InProcessBreakerStore(config), () => 0);
    const model = { id: "m", provider: "p" };
    for (let i = 0; i < 5; i++) await breakers.recordFailure("t", model, new UpstreamError({ status: 400, kind: "bad_request", message: "bad", provider: "p" }));
    expect(await breakers.unhealthy("t", [model])).toEqual({});
  });
});
