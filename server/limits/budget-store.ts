// Monthly budgets as reservations. Admitting a request holds an amount on every budget that
// applies (the key's, the team's) in one atomic step, and only when each budget still has
// room for settled spend + live holds + this hold; settling drops the hold and adds the real
// cost. So concurrent requests can never commit more than the budget. Holds expire after a
// lease, so a process that dies mid-request does not lock a budget for the rest of the month.

export interface BudgetHold {
  /** "key:<id>" or "team:<id>". */
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

interface ScopeMonth {
  spent: number;
  holds: Map<string, { units: number; expiresAt: number }>;
}

export class InProcessBudgetStore implements BudgetStore {
  private readonly scopes = new Map<string, ScopeMonth>();

  private entry(scope: string, month: string): ScopeMonth | undefined {
    return this.scopes.get(`${scope}|${month}`);
  }

  async reserve({ holds, month, holdId, units, now, leaseMs }: ReserveRequest): Promise<ReserveResult> {
    const missing = holds.filter((h) => !this.entry(h.scope, month)).map((h) => h.scope);
    if (missing.length) return { status: "uninitialised", scopes: missing };
    for (const hold of holds) {
      const entry = this.entry(hold.scope, month)!;
      let heldUnits = 0;
      for (const [id, h] of entry.holds) {
        if (h.expiresAt <= now) entry.holds.delete(id);
        else heldUnits += h.units;
      }
      if (entry.spent + heldUnits + units > hold.limitUnits) return { status: "refused", scope: hold.scope, spentUnits: entry.spent, heldUnits };
    }
    for (const hold of holds) this.entry(hold.scope, month)!.holds.set(holdId, { units, expiresAt: now + leaseMs });
    return { status: "reserved" };
  }

  async initialise(scope: string, month: string, spentUnits: number): Promise<void> {
    if (!this.entry(scope, month)) this.scopes.set(`${scope}|${month}`, { spent: spentUnits, holds: new Map() });
  }

  async settle({ scopes, month, holdId }: Reservation, actualUnits: number): Promise<void> {
    for (const scope of scopes) {
      const entry = this.entry(scope, month);
      if (!entry) continue;
      entry.holds.delete(holdId);
      entry.spent += actualUnits;
    }
  }
}
