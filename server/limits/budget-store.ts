// Monthly budgets as reservations. Admitting a request holds an amount on every budget that
// applies (the key's, the team's) in one atomic step, and only when each budget still has
// room for settled spend + live holds + this hold; settling drops the hold and adds the real
// cost. So concurrent requests can never commit more than the budget. Holds expire after a
// lease, so a process that dies mid-request does not lock a budget for the rest of the month.

export interface BudgetHold {
  /** "key:<id>", "team:<id>" or "evaluation:<tenant id>". */
  scope: string;
  limitUnits: number;
}

export type ReserveResult =
  | { status: "reserved" }
  | { status: "refused"; scope: string; spentUnits: number; heldUnits: number }
  /** These scopes' month-to-date spend must be loaded (initialise) before reserving. */
  | { status: "uninitialised"; scopes: string[] };

export interface ReserveRequest {
  holds: BudgetHold[];
  month: string;
  holdId: string;
  units: number;
  now: number;
  leaseMs: number;
}

/** What settling needs to find and drop a hold. */
export interface Reservation {
  scopes: string[];
  month: string;
  holdId: string;
  units: number;
}

export interface BudgetStore {
  reserve(request: ReserveRequest): Promise<ReserveResult>;
  /** Sets a scope's month-to-date spend unless another process did so first. */
  initialise(scope: string, month: string, spentUnits: number): Promise<void>;
  /** Drops the hold on every scope and adds the actual spend (0 to only release). */
  settle(reservation: Reservation, actualUnits: number): Promise<void>;
}

/**
 * `store.reserve`, releasing the hold when the call fails: a call that timed out may still have
 * been applied (the primary of a clustered server, or Redis, answered late), and its hold would
 * otherwise fill the budget until its lease ends. Calls reach a store in order, and releasing a
 * hold it never took changes nothing.
 */
export async function reserveOrRelease(store: BudgetStore, request: ReserveRequest): Promise<ReserveResult> {
  try {
    return await store.reserve(request);
  } catch (error) {
    const { holds, month, holdId, units } = request;
    void store.settle({ scopes: holds.map((h) => h.scope), month, holdId, units }, 0).catch(() => {});
    throw error;
  }
}

interface ScopeMonth {
  spent: number;
  /** Sum of the live holds' units, kept up to date so that admitting does not walk every hold. */
  held: number;
  holds: Map<string, { units: number; expiresAt: number }>;
  /** No hold expires before this instant; expired holds are only looked for after it. */
  nextExpiry: number;
}

export class InProcessBudgetStore implements BudgetStore {
  // Month, then scope: no key string is built per request.
  private readonly months = new Map<string, Map<string, ScopeMonth>>();

  private entry(scope: string, month: string): ScopeMonth | undefined {
    return this.months.get(month)?.get(scope);
  }

  /** A scope's settled spend and live holds in a month (diagnostics and tests); null before it was initialised. */
  usage(scope: string, month: string): { spentUnits: number; heldUnits: number } | null {
    const entry = this.entry(scope, month);
    return entry ? { spentUnits: entry.spent, heldUnits: entry.held } : null;
  }

  private static dropExpired(entry: ScopeMonth, now: number): void {
    if (now < entry.nextExpiry) return;
    entry.held = 0;
    entry.nextExpiry = Infinity;
    for (const [id, h] of entry.holds) {
      if (h.expiresAt <= now) entry.holds.delete(id);
      else {
        entry.held += h.units;
        entry.nextExpiry = Math.min(entry.nextExpiry, h.expiresAt);
      }
    }
  }

  async reserve({ holds, month, holdId, units, now, leaseMs }: ReserveRequest): Promise<ReserveResult> {
    const entries: ScopeMonth[] = [];
    const missing: string[] = [];
    for (const hold of holds) {
      const entry = this.entry(hold.scope, month);
      if (entry) entries.push(entry);
      else missing.push(hold.scope);
    }
    if (missing.length) return { status: "uninitialised", scopes: missing };
    for (let i = 0; i < holds.length; i++) {
      const entry = entries[i]!;
      InProcessBudgetStore.dropExpired(entry, now);
      if (entry.spent + entry.held + units > holds[i]!.limitUnits) return { status: "refused", scope: holds[i]!.scope, spentUnits: entry.spent, heldUnits: entry.held };
    }
    const expiresAt = now + leaseMs;
    for (const entry of entries) {
      entry.holds.set(holdId, { units, expiresAt });
      entry.held += units;
      entry.nextExpiry = Math.min(entry.nextExpiry, expiresAt);
    }
    return { status: "reserved" };
  }

  async initialise(scope: string, month: string, spentUnits: number): Promise<void> {
    let scopes = this.months.get(month);
    if (!scopes) {
      this.months.set(month, (scopes = new Map()));
      // A new month: only it and the one before it are kept (a request admitted just before the
      // month turned still settles into its own month); older months' counters are never read.
      const months = [...this.months.keys()].sort();
      for (const old of months.slice(0, -2)) this.months.delete(old);
    }
    if (!scopes.has(scope)) scopes.set(scope, { spent: spentUnits, held: 0, holds: new Map(), nextExpiry: Infinity });
  }

  async settle({ scopes, month, holdId }: Reservation, actualUnits: number): Promise<void> {
    for (const scope of scopes) {
      const entry = this.entry(scope, month);
      if (!entry) continue;
      const hold = entry.holds.get(holdId);
      if (hold) {
        entry.holds.delete(holdId);
        entry.held -= hold.units;
      }
      entry.spent += actualUnits;
    }
  }
}
