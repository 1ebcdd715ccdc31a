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
/**
 * Answers bigger than this are not kept: one would crowd out hundreds of others, and where the
 * cache is shared (the primary of a clustered server, Redis) every hit would cost that one store a
 * copy of it while every other caller waits.
 */
export const MAX_ENTRY_BYTES = 1024 * 1024;

/**
 * Where the entries live, as JSON text. The process that asks serialises and parses, and checks
 * the size before anything is sent: a shared store only moves and keeps text.
 */
export interface CachedTextStore {
  getText(key: string): Promise<string | null>;
  setText(key: string, text: string, ttlMs: number): Promise<void>;
}

/** The response cache over a text store. */
export function responseCacheOver(texts: CachedTextStore): ResponseCache {
  return {
    async get<T = ChatResponse>(key: string): Promise<CachedResponse<T> | null> {
      const text = await texts.getText(key);
      return text === null ? null : (JSON.parse(text) as CachedResponse<T>);
    },
    async set<T = ChatResponse>(key: string, value: CachedResponse<T>, ttlMs: number): Promise<void> {
      const text = JSON.stringify(value);
      if (Buffer.byteLength(text) > MAX_ENTRY_BYTES) return;
      await texts.setText(key, text, ttlMs);
    },
  };
}

/** In this process (or, in a clustered server, in its primary): an LRU whose byte bound counts the texts. */
export class InProcessCachedTexts implements CachedTextStore {
  private readonly lru: LruCache<string>;

  constructor(limits: LruLimits = DEFAULT_CACHE_LIMITS, clock?: () => number) {
    this.lru = new LruCache(limits, clock);
  }

  async getText(key: string): Promise<string | null> {
    return this.lru.get(key) ?? null;
  }

  async setText(key: string, text: string, ttlMs: number): Promise<void> {
    this.lru.set(key, text, Buffer.byteLength(text), ttlMs);
  }
}

export class RedisCachedTexts implements CachedTextStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  getText(key: string): Promise<string | null> {
    return this.redis.get(`${this.prefix}cache:${key}`);
  }

  async setText(key: string, text: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}cache:${key}`, text, "PX", ttlMs);
  }
}
