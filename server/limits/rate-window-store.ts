// Per-key request and token counters in fixed one-minute windows. Taking from a window is
// atomic: either every counter has room and all are charged, or nothing is. A fixed window can
// let up to twice the limit through around a window boundary; that is the accepted price of
// one counter per key per minute.
export interface WindowCost {
  requests: number;
  tokens: number;
}

export interface WindowLimits {
  requests: number | null;
  tokens: number | null;
}

export interface RateWindowStore {
  take(key: string, window: number, cost: WindowCost, limits: WindowLimits): Promise<boolean>;
  /** Corrects a window's token count once the real usage is known (delta may be negative). */
  adjustTokens(key: string, window: number, delta: number): Promise<void>;
}

export const WINDOW_MS = 60_000;

/** A request bigger than the whole limit is admitted alone into an empty window, not never. */
export function chargeableTokens(tokens: number, limit: number | null): number {
  return limit === null ? tokens : Math.min(tokens, limit);
}

export function fits(used: WindowCost, cost: WindowCost, limits: WindowLimits): boolean {
  return (limits.requests === null || used.requests + cost.requests <= limits.requests)
    && (limits.tokens === null || used.tokens + cost.tokens <= limits.tokens);
}

export class InProcessRateWindowStore implements RateWindowStore {
  private readonly windows = new Map<string, { window: number; used: WindowCost }>();
  /** The newest window seen: when a newer one begins, the keys of older ones are dropped. */
  private latest = 0;

  /** Keys used once and never again (revoked keys, admin tokens) would otherwise stay for the process's life. */
  private sweep(window: number): void {
    if (window <= this.latest) return;
    this.latest = window;
    for (const [key, entry] of this.windows) if (entry.window < window - 1) this.windows.delete(key);
  }

  /** How many keys hold a window (for tests). */
  get size(): number {
    return this.windows.size;
  }

  async take(key: string, window: number, cost: WindowCost, limits: WindowLimits): Promise<boolean> {
    this.sweep(window);
    const current = this.windows.get(key);
    const entry = current?.window === window ? current : { window, used: { requests: 0, tokens: 0 } };
    if (!fits(entry.used, cost, limits)) return false;
    // Counted in place: a key's window object lives for its minute.
    entry.used.requests += cost.requests;
    entry.used.tokens += cost.tokens;
    if (entry !== current) this.windows.set(key, entry);
    return true;
  }

  async adjustTokens(key: string, window: number, delta: number): Promise<void> {
    const entry = this.windows.get(key);
    if (entry?.window === window) entry.used.tokens = Math.max(0, entry.used.tokens + delta);
  }
}
