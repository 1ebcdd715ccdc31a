// Where breaker states live. Acquiring several breakers (a model's and its provider's) is all
// or nothing, so a refused provider never leaves a model's probe slot taken.
import {
  CLOSED, acquireBreaker, breakerIdleTtlMs, recordBreakerOutcome, type BreakerConfig, type BreakerState,
} from "./circuit-breaker";

export interface BreakerStore {
  /** True when this store knows that no breaker at all is open or half-open (a shortcut; optional). */
  allClosed?(): boolean;
  read(keys: string[], now: number): Promise<BreakerState[]>;
  /** True when every breaker let the call through (and then each took its step). */
  acquire(keys: string[], now: number): Promise<boolean>;
  /** Steps each breaker with a call's outcome; says, per key, whether this outcome opened it. */
  record(keys: string[], success: boolean, now: number): Promise<boolean[]>;
  /** Up to `limit` keys of breakers that are not closed (for the metrics scrape, not for requests). */
  listNotClosed(limit: number): Promise<string[]>;
}

/**
 * One process's breakers: a handful per tenant (its models and providers), so a plain map.
 * It counts the breakers that are not closed, so that the usual case (all closed) costs
 * neither a look-up per catalog model when routing nor a state step when acquiring.
 *
 * A breaker nobody touches is forgotten after breakerIdleTtlMs, as Redis expires its key. Without
 * that, a model that opened its breaker and was never called again (a fallback after an incident,
 * a model taken out of a policy) would keep the count above zero for good, and every request
 * would take the slow path (in a clustered server, calls to the primary).
 */
export class InProcessBreakerStore implements BreakerStore {
  private readonly states = new Map<string, BreakerState>();
  private notClosed = 0;
  private nextSweepAt = 0;

  constructor(
    private readonly config: BreakerConfig,
    private readonly idleTtlMs = breakerIdleTtlMs(config),
  ) {}

  allClosed(): boolean {
    return this.notClosed === 0;
  }

  /** When `state` was last written, at the latest (a closed breaker's records within its window leave no trace). */
  private idleSince(state: BreakerState): number {
    if (state.phase === "open") return state.windowStart;
    if (state.phase === "half_open") return state.probeUntil - this.config.probeTimeoutMs;
    return state.windowStart + this.config.windowMs;
  }

  private live(key: string, now: number): BreakerState {
    const state = this.states.get(key);
    return state === undefined || now - this.idleSince(state) >= this.idleTtlMs ? CLOSED : state;
  }

  /** Forgets idle breakers, at most every tenth of the idle time: O(breakers) now and then, not per call. */
  private sweep(now: number): void {
    if (now < this.nextSweepAt) return;
    this.nextSweepAt = now + this.idleTtlMs / 10;
    for (const [key, state] of this.states) {
      if (now - this.idleSince(state) < this.idleTtlMs) continue;
      this.states.delete(key);
      if (state.phase !== "closed") this.notClosed--;
    }
  }

  private set(key: string, state: BreakerState): void {
    const before = this.states.get(key)?.phase ?? "closed";
    this.notClosed += Number(state.phase !== "closed") - Number(before !== "closed");
    this.states.set(key, state);
  }

  async read(keys: string[], now: number): Promise<BreakerState[]> {
    return keys.map((k) => this.live(k, now));
  }

  async acquire(keys: string[], now: number): Promise<boolean> {
    // A closed breaker lets a call through unchanged.
    if (this.allClosed()) return true;
    this.sweep(now);
    const steps = keys.map((k) => acquireBreaker(this.live(k, now), now, this.config));
    if (!steps.every((s) => s.allowed)) return false;
    keys.forEach((k, i) => this.set(k, steps[i]!.state));
    return true;
  }

  async listNotClosed(limit: number): Promise<string[]> {
    const keys: string[] = [];
    if (this.allClosed()) return keys;
    for (const [key, state] of this.states) {
      if (keys.length >= limit) break;
      if (state.phase !== "closed") keys.push(key);
    }
    return keys;
  }

  async record(keys: string[], success: boolean, now: number): Promise<boolean[]> {
    this.sweep(now);
    return keys.map((key) => {
      const before = this.live(key, now);
      const after = recordBreakerOutcome(before, success, now, this.config);
      this.set(key, after);
      return after.phase === "open" && before.phase !== "open";
    });
  }
}
