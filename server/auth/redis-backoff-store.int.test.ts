// The Redis store makes the same decisions as the in-process one, shared by every process.
import { describe, expect, it } from "vitest";
import { setupTestRedis } from "../redis/test-redis";
import { DEFAULT_SIGN_IN_RULES, SignInLimiter } from "./attempt-limiter";
import { RedisBackoffStore } from "./redis-backoff-store";

const redis = setupTestRedis();

/** Two console processes sharing one Redis, on one clock. */
function twoProcesses() {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const make = () => new SignInLimiter(new RedisBackoffStore(redis.connect(), redis.prefix), DEFAULT_SIGN_IN_RULES, () => clock.now);
  return { clock, one: make(), two: make() };
}

describe("Redis back-off store", () => {
  it("slows one address's guesses across processes, while the owner's address goes through", async () => {
    const { clock, one, two } = twoProcesses();
    const email = `owner-${clock.now}@acme.test`;
    for (let i = 0; i < 5; i++) expect(await (i % 2 ? one : two).admit("198.51.100.66", email)).toEqual({ admitted: true });
    expect(await one.admit("198.51.100.66", email)).toEqual({ admitted: false, retryAfterMs: 1_000 });
    expect(await two.admit("198.51.100.66", email)).toEqual({ admitted: false, retryAfterMs: 1_000 });
    expect(await two.admit("203.0.113.5", email)).toEqual({ admitted: true });
    clock.now += 1_000;
    expect(await one.admit("198.51.100.66", email)).toEqual({ admitted: true });
    expect(await two.admit("198.51.100.66", email)).toEqual({ admitted: false, retryAfterMs: 2_000 });
    await one.succeeded("198.51.100.66", email);
    expect(await two.admit("198.51.100.66", email)).toEqual({ admitted: true });
  });

  it("slows spraying from one address across processes", async () => {
    const { one, two } = twoProcesses();
    const decisions = [];
    for (let i = 0; i < 30; i++) decisions.push(await (i % 2 ? one : two).admit("198.51.100.99", `victim${i}@spray.test`));
    expect(decisions.filter((d) => d.admitted)).toHaveLength(20);
    expect(decisions.at(-1)).toEqual({ admitted: false, retryAfterMs: 1_000 });
  });
});
