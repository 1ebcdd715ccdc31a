// Cached answers: the canonical ChatResponse (or EmbeddingResult) and the catalog model that
// served it, so a hit is answered in whichever format and mode (JSON or stream) the caller uses
// this time. In-process
// in a bounded LRU, or in Redis (shared by all gateway processes) when REDIS_URL is set.
import type Redis from "ioredis";
import type { ChatResponse } from "../providers/types";
import { LruCache, type LruLimits } from "./lru-cache";

/** `T` is what the key's kind of request answers: chat keys hold ChatResponses, embeddings keys EmbeddingResults. */
export interface CachedResponse<T = ChatResponse> {
  response: T;
  modelId: string;
}

export interface ResponseCache {
  get<T = ChatResponse>(key: string): Promise<CachedResponse<T> | null>;
  set<T = ChatResponse>(key: string, value: CachedResponse<T>, ttlMs: number): Promise<void>;
}

export const DEFAULT_CACHE_LIMITS: LruLimits = { maxEntries: 10_000, maxBytes: 64 * 1024 * 1024 };
/** Answers bigger than this are not worth a shared cache's memory. */
export const MAX_SHARED_ENTRY_BYTES = 1024 * 1024;

export class InProcessResponseCache implements ResponseCache {
  private readonly lru: LruCache<string>;

  constructor(limits: LruLimits = DEFAULT_CACHE_LIMITS, clock?: () => number) {
    this.lru = new LruCache(limits, clock);
  }

  // Stored serialised: its size is what the byte bound counts, and callers cannot mutate it.
  async get<T = ChatResponse>(key: string): Promise<CachedResponse<T> | null> {
    const text = this.lru.get(key);
    return text === undefined ? null : (JSON.parse(text) as CachedResponse<T>);
  }

  async set<T = ChatResponse>(key: string, value: CachedResponse<T>, ttlMs: number): Promise<void> {
    const text = JSON.stringify(value);
    this.lru.set(key, text, Buffer.byteLength(text), ttlMs);
  }
}

export class RedisResponseCache implements ResponseCache {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async get<T = ChatResponse>(key: string): Promise<CachedResponse<T> | null> {
    const text = await this.redis.get(`${this.prefix}cache:${key}`);
    return text === null ? null : (JSON.parse(text) as CachedResponse<T>);
  }

  async set<T = ChatResponse>(key: string, value: CachedResponse<T>, ttlMs: number): Promise<void> {
    const text = JSON.stringify(value);
    if (Buffer.byteLength(text) > MAX_SHARED_ENTRY_BYTES) return;
    await this.redis.set(`${this.prefix}cache:${key}`, text, "PX", ttlMs);
  }
}
