// Attempt counters with exponential back-off, for sign-in and sign-up. An attempt is counted
// when it is admitted, not when it fails, so that a burst of parallel guesses cannot all pass
// before the first one is known to be wrong; a sign-in that succeeds hands its count back.
// Waits are refusals with a retry time, never sleeps: a refused attempt costs the server
// nothing and is not counted.
export interface BackoffRule {
  /** Attempts admitted with no wait. */
  free: number;
  /** The wait after the first attempt beyond `free`, doubling with each further one... */
  baseMs: number;
  /** ...up to this. */
  capMs: number;
  /** A count is forgotten this long after the last attempt it counted. */
  forgetAfterMs: number;
}

export interface BackoffGate {
  key: string;
  rule: BackoffRule;
  /** Index of another gate of the same call: this one applies only once that one has counted an attempt. */
  onlyAfter?: number;
}

export type BackoffDecision = { admitted: true } | { admitted: false; retryAfterMs: number };

export interface BackoffStore {
  /** Admits an attempt when every gate allows it, and then counts it on every gate, atomically. */
  admit(gates: BackoffGate[], now: number): Promise<BackoffDecision>;
  /** Takes one counted attempt back. */
  refund(key: string): Promise<void>;
  forget(key: string): Promise<void>;
}

interface Count {
  count: number;
  lastAt: number;
  forgetAt: number;
}

/** How long an attempt at `now` must still wait under `rule` (0: it may go). */
export function remainingWait(count: number, lastAt: number, rule: BackoffRule, now: number): number {
  if (count < rule.free) return 0;
  return Math.max(0, lastAt + Math.min(rule.baseMs * 2 ** (count - rule.free), rule.capMs) - now);
}

/** The longest wait any gate imposes, given each gate's current count and last attempt. */
export function gatesWait(gates: BackoffGate[], counts: readonly { count: number; lastAt: number }[], now: number): number {
  return Math.max(0, ...gates.map((gate, i) => (gate.onlyAfter !== undefined && counts[gate.onlyAfter]!.count === 0 ? 0 : remainingWait(counts[i]!.count, counts[i]!.lastAt, gate.rule, now))));
}

/**
 * One process's counters, bounded: past `maxEntries` the least recently used is dropped, so
 * an attacker sending endless random emails cannot grow memory (an entry that is still being
 * hit, such as the attacker's own address, stays recent and is kept).
 */
export class InProcessBackoffStore implements BackoffStore {
  private readonly counts = new Map<string, Count>();

  constructor(private readonly maxEntries = 100_000) {}

  get size(): number {
    return this.counts.size;
  }

  async admit(gates: BackoffGate[], now: number): Promise<BackoffDecision> {
    const current = gates.map((gate) => this.live(gate.key, now) ?? { count: 0, lastAt: 0, forgetAt: 0 });
    const wait = gatesWait(gates, current, now);
    if (wait > 0) return { admitted: false, retryAfterMs: wait };
    gates.forEach((gate, i) => {
      this.counts.delete(gate.key); // re-inserted as the most recent
      this.counts.set(gate.key, { count: current[i]!.count + 1, lastAt: now, forgetAt: now + gate.rule.forgetAfterMs });
    });
    for (const oldest of this.counts.keys()) {
      if (this.counts.size <= this.maxEntries) break;
      this.counts.delete(oldest);
    }
    return { admitted: true };
  }

  async refund(key: string): Promise<void> {
    const entry = this.counts.get(key);
    if (entry && --entry.count <= 0) this.counts.delete(key);
  }

  async forget(key: string): Promise<void> {
    this.counts.delete(key);
  }

  private live(key: string, now: number): Count | undefined {
    const entry = this.counts.get(key);
    if (entry && entry.forgetAt <= now) this.counts.delete(key);
    return entry && entry.forgetAt > now ? entry : undefined;
  }
}

/** Uses `primary` (Redis) while it answers, `fallback` (this process) while it does not. */
export function withFallback(primary: BackoffStore, fallback: BackoffStore, log: (message: string, error: unknown) => void): BackoffStore {
  const attempt = async <T>(what: string, run: (store: BackoffStore) => Promise<T>): Promise<T> => {
    try {
      return await run(primary);
    } catch (error) {
      log(`${what} fell back to this process's counters`, error);
      return run(fallback);
    }
  };
  return {
    admit: (gates, now) => attempt("admit", (store) => store.admit(gates, now)),
    refund: (key) => attempt("refund", (store) => store.refund(key)),
    forget: (key) => attempt("forget", (store) => store.forget(key)),
  };
}
