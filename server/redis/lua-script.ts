// A Lua script run by its SHA (EVALSHA), loaded on first use or after Redis restarts: the
// limit, budget and breaker transitions are atomic this way, one round trip each.
import { createHash } from "node:crypto";
import type Redis from "ioredis";

export type LuaScript = (redis: Redis, keys: string[], args: (string | number)[]) => Promise<unknown>;

export function defineLuaScript(source: string): LuaScript {
  const sha = createHash("sha1").update(source).digest("hex");
  return async (redis, keys, args) => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
      return redis.eval(source, keys.length, ...keys, ...args);
    }
  };
}
