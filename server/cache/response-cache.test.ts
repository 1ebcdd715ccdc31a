import { describe, expect, it } from "vitest";
import type { ChatRequest, ChatResponse, StreamEvent } from "../providers/types";
import { responseCacheKey } from "./cache-key";
import { cacheDirective } from "./cache-directive";
import { LruCache } from "./lru-cache";
import { InProcessCachedTexts, MAX_ENTRY_BYTES, responseCacheOver } from "./response-cache";
import { collectStream, replayAsStream } from "./replay-stream";

const request: ChatRequest = { messages: [{ role: "user", content: [{ type: "text", text: "hi" }] }], temperature: 0, stream: false, metadata: { a: "1", b: "2" } };
const answer: ChatResponse = {
  id: "resp-1", model: "gpt-x", content: "Hello there", finishReason: "tool_calls", usage: { inputTokens: 12, outputTokens: 7, cachedInputTokens: 2 },
  toolCalls: [{ id: "call_1", name: "lookup", arguments: '{"q":"weather"}' }, { id: "call_2", name: "noop", arguments: "" }],
};

describe("cache key", () => {
  const key = (over: Partial<Parameters<typeof responseCacheKey>[0]> = {}) => responseCacheKey({ tenantId: "t1", selection: "policy:p1@3", request, ...over });

  it("ignores key order and the stream flag", () => {
    const reordered = { stream: true, metadata: { b: "2", a: "1" }, temperature: 0, messages: request.messages } as ChatRequest;
    expect(key({ request: reordered })).toBe(key());
  });

  it("separates tenants, selections and anything that changes the answer", () => {
    const keys = [key(), key({ tenantId: "t2" }), key({ selection: "policy:p1@4" }), key({ selection: "model:gpt-x" }), key({ request: { ...request, temperature: 1 } })];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("cache directive", () => {
  it.each([
    ["off without a policy TTL", {}, null, { lookup: false, store: false, missLabel: "miss" }],
    ["off with a zero TTL", {}, 0, { lookup: false, store: false, missLabel: "miss" }],
    ["on with a TTL", {}, 60, { lookup: true, store: true, missLabel: "miss", ttlMs: 60_000 }],
    ["caller bypass refreshes the entry", { "x-switchyard-cache": "Bypass" }, 60, { lookup: false, store: true, missLabel: "bypass" }],
    ["no-cache refreshes the entry", { "cache-control": "max-age=0, no-cache" }, 60, { lookup: false, store: true, missLabel: "bypass" }],
    ["no-store keeps the answer out", { "cache-control": "no-store" }, 60, { lookup: false, store: false, missLabel: "bypass" }],
  ])("%s", (_name, headers, ttl, expected) => {
    expect(cacheDirective(new Headers(headers), ttl)).toMatchObject(expected);
  });
});

describe("LRU", () => {
  it("evicts the least recently used entry by count and by bytes, and expires by TTL", () => {
    let now = 0;
    const lru = new LruCache<string>({ maxEntries: 3, maxBytes: 100 }, () => now);
    lru.set("a", "A", 10, 1_000);
    lru.set("b", "B", 10, 1_000);
    lru.set("c", "C", 10, 1_000);
    lru.get("a");
    lru.set("d", "D", 10, 1_000);
    expect([lru.get("a"), lru.get("b"), lru.get("c"), lru.get("d")]).toEqual(["A", undefined, "C", "D"]);
    lru.set("big", "X", 85, 1_000);
    expect([lru.size, lru.get("c"), lru.get("d")]).toEqual([2, undefined, "D"]);
    expect(lru.get("big")).toBe("X");
    lru.set("huge", "H", 101, 1_000);
    expect(lru.get("huge")).toBeUndefined();
    now = 1_000;
    expect(lru.get("big")).toBeUndefined();
  });

  it("forgets one key, the keys whose value matches, or everything, and keeps its byte count right", () => {
    const lru = new LruCache<{ tenant: string }>({ maxEntries: 10, maxBytes: 30 }, () => 0);
    lru.set("a", { tenant: "t1" }, 10, 1_000);
    lru.set("b", { tenant: "t2" }, 10, 1_000);
    lru.set("c", { tenant: "t1" }, 10, 1_000);
    lru.delete("b");
    lru.delete("missing");
    expect([lru.size, lru.get("b")]).toEqual([2, undefined]);
    lru.deleteWhere((v) => v.tenant === "t1");
    expect(lru.size).toBe(0);
    // The freed bytes are counted back: three entries fit again without evicting one.
    for (const k of ["d", "e", "f"]) lru.set(k, { tenant: "t3" }, 10, 1_000);
    expect(lru.size).toBe(3);
    lru.clear();
    lru.set("g", { tenant: "t3" }, 30, 1_000);
    expect([lru.size, lru.get("g")]).toEqual([1, { tenant: "t3" }]);
  });

  it("takes the caller's instant in place of its clock", () => {
    const lru = new LruCache<string>({ maxEntries: 3, maxBytes: 100 }, () => 0);
    lru.set("a", "A", 1, 100, 5_000);
    expect(lru.get("a", 5_099)).toBe("A");
    expect(lru.get("a", 5_100)).toBeUndefined();
  });

  it("counts the serialised size of cached answers", async () => {
    const cache = responseCacheOver(new InProcessCachedTexts({ maxEntries: 100, maxBytes: 600 }));
    await cache.set("one", { response: answer, modelId: "gpt-x" }, 60_000);
    await cache.set("two", { response: answer, modelId: "gpt-x" }, 60_000);
    expect(await cache.get("one")).toBeNull();
    expect(await cache.get("two")).toEqual({ response: answer, modelId: "gpt-x" });
  });

  it("does not keep an answer over MAX_ENTRY_BYTES, and hands its store text only", async () => {
    const texts = new InProcessCachedTexts();
    const cache = responseCacheOver(texts);
    const big = { response: { ...answer, content: "x".repeat(MAX_ENTRY_BYTES) }, modelId: "gpt-x" };
    await cache.set("big", big, 60_000);
    expect(await cache.get("big")).toBeNull();
    await cache.set("small", { response: answer, modelId: "gpt-x" }, 60_000);
    expect(JSON.parse((await texts.getText("small"))!)).toEqual({ response: answer, modelId: "gpt-x" });
  });
});

describe("streamed replay", () => {
  async function drain(events: AsyncIterable<StreamEvent>): Promise<StreamEvent[]> {
    const out: StreamEvent[] = [];
    for await (const e of events) out.push(e);
    return out;
  }

  it("replays the same text, tool calls, finish and usage that a collected stream stored", async () => {
    const events = await drain(replayAsStream(answer));
    expect(events.map((e) => e.type)).toEqual(["start", "text", "tool_call_start", "tool_call_delta", "tool_call_start", "finish", "usage"]);
    let collected: ChatResponse | null = null;
    const passed = await drain(collectStream(replayAsStream(answer), (r) => (collected = r)));
    expect(passed).toEqual(events);
    expect(collected).toEqual(answer);
  });

  it("never stores a stream that failed or ended without usage", async () => {
    async function* broken(): AsyncGenerator<StreamEvent> {
      yield { type: "start", id: "x", model: "m" };
      yield { type: "text", text: "partial" };
      throw new Error("cut");
    }
    let stored = false;
    await expect(drain(collectStream(broken(), () => (stored = true)))).rejects.toThrow("cut");
    async function* noUsage(): AsyncGenerator<StreamEvent> {
      yield { type: "text", text: "x" };
      yield { type: "finish", finishReason: "stop" };
    }
    await drain(collectStream(noUsage(), () => (stored = true)));
    expect(stored).toBe(false);
  });
});
