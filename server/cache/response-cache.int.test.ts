import { describe, expect, it } from "vitest";
import { setupTestRedis } from "../redis/test-redis";
import { RedisCachedTexts, responseCacheOver } from "./response-cache";

const redis = setupTestRedis();
const cached = { modelId: "gpt-x", response: { id: "r", model: "gpt-x", content: "cached", toolCalls: [], finishReason: "stop" as const, usage: { inputTokens: 3, outputTokens: 1 } } };

describe("Redis response cache", () => {
  it("is shared by two processes and expires with the TTL", async () => {
    const [a, b] = [responseCacheOver(new RedisCachedTexts(redis.connect(), redis.prefix)), responseCacheOver(new RedisCachedTexts(redis.connect(), redis.prefix))];
    expect(await b.get("k1")).toBeNull();
    await a.set("k1", cached, 300);
    expect(await b.get("k1")).toEqual(cached);
    await new Promise((r) => setTimeout(r, 400));
    expect(await b.get("k1")).toBeNull();
  });

  it("does not keep oversized answers", async () => {
    const cache = responseCacheOver(new RedisCachedTexts(redis.connect(), redis.prefix));
    await cache.set("big", { ...cached, response: { ...cached.response, content: "x".repeat(2 * 1024 * 1024) } }, 60_000);
    expect(await cache.get("big")).toBeNull();
  });
});
