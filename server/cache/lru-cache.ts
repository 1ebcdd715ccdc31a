// A least-recently-used map bounded by entry count and by total size, with a TTL per entry.
// A Map keeps insertion order, so re-inserting on read makes its first key the coldest.
export interface LruLimits {
  maxEntries: number;
  maxBytes: number;
}

interface Slot<V> {
  value: V;
  bytes: number;
  expiresAt: number;
}

export class LruCache<V> {
  private readonly slots = new Map<string, Slot<V>>();
  private bytes = 0;

  constructor(private readonly limits: LruLimits, private readonly clock: () => number = Date.now) {}

  get size(): number {
    return this.slots.size;
  }

  /** `now` lets a caller that already read the clock (or a test) pass its instant. */
  get(key: string, now: number = this.clock()): V | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.remove(key, slot);
    if (slot.expiresAt <= now) return undefined;
    this.slots.set(key, slot);
    this.bytes += slot.bytes;
    return slot.value;
  }

  /** An entry larger than the whole byte budget is not kept. */
  set(key: string, value: V, bytes: number, ttlMs: number, now: number = this.clock()): void {
    const existing = this.slots.get(key);
    if (existing) this.remove(key, existing);
    if (bytes > this.limits.maxBytes) return;
    this.slots.set(key, { value, bytes, expiresAt: now + ttlMs });
    this.bytes += bytes;
    for (const [coldKey, cold] of this.slots) {
      if (this.slots.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(coldKey, cold);
    }
  }

  delete(key: string): void {
    const slot = this.slots.get(key);
    if (slot) this.remove(key, slot);
  }

  /** Drops every entry whose value matches; linear, for invalidations rather than requests. */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, slot] of this.slots) if (matches(slot.value)) this.remove(key, slot);
  }

  clear(): void {
    this.slots.clear();
    this.bytes = 0;
  }

  private remove(key: string, slot: Slot<V>): void {
    this.slots.delete(key);
    this.bytes -= slot.bytes;
  }
}
