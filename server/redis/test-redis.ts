// Real Redis for tests: REDIS_URL when set, else the local server on 127.0.0.1:6379. Each test
// file gets its own key prefix and removes its keys afterwards. Nothing is skipped when Redis
// is missing: the tests fail, because Redis runs wherever they run.
import { randomBytes } from "node:crypto";
import type Redis from "ioredis";
import { afterAll, beforeAll } from "vitest";
import { env } from "../env";
import { createRedis } from "./redis-client";

export const TEST_REDIS_URL = env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== "0");
}

/** Connections made through `connect()` share this file's prefix and are closed after it. */
export function setupTestRedis(): { readonly prefix: string; readonly url: string; connect(): Redis } {
  const prefix = `switchyard-test:${Date.now().toString(36)}${randomBytes(3).toString("hex")}:`;
  const connections: Redis[] = [];
  const connect = () => {
    const redis = createRedis(TEST_REDIS_URL);
    connections.push(redis);
    return redis;
  };
  beforeAll(async () => {
    await connect().ping();
  });
  afterAll(async () => {
    const first = connections[0];
    if (first) await deleteByPrefix(first, prefix);
    await Promise.all(connections.map((r) => r.quit()));
  });
  return { prefix, url: TEST_REDIS_URL, connect };
}
