// Where breaker states live. Acquiring several breakers (a model's and its provider's) is all
// or nothing, so a refused provider never leaves a model's probe slot taken.
import {
  CLOSED, acquireBreaker, recordBreakerOutcome, type BreakerConfig, type BreakerState,
} from "./circuit-breaker";

export interface BreakerStore {
  read(keys: string[], now: number): Promise<BreakerState[]>;
  /** True when every breaker let the call through (and then each took its step). */
  acquire(keys: string[], now: number): Promise<boolean>;
  record(keys: string[], success: boolean, now: number): Promise<void>;
}

/** One process's breakers: a handful per tenant (its models and providers), so a plain map. */
export class InProcessBreakerStore implements BreakerStore {
  private readonly states = new Map<string, BreakerState>();

  constructor(private readonly config: BreakerConfig) {}

  async read(keys: string[]): Promise<BreakerState[]> {
    return keys.map((k) => this.states.get(k) ?? CLOSED);
  }

  async acquire(keys: string[], now: number): Promise<boolean> {
    const steps = keys.map((k) => acquireBreaker(this.states.get(k) ?? CLOSED, now, this.config));
    if (!steps.every((s) => s.allowed)) return false;
    keys.forEach((k, i) => this.states.set(k, steps[i]!.state));
    return true;
  }

  async record(keys: string[], success: boolean, now: number): Promise<void> {
    for (const key of keys) this.states.set(key, recordBreakerOutcome(this.states.get(key) ?? CLOSED, success, now, this.config));
  }
}
