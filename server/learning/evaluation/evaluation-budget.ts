/**
 * What evaluations may still spend this calendar month (UTC), per tenant. The tenant's evaluation
 * budget is one more scope of the budget store that key and team budgets use (in Redis, or in
 * this process, or in the primary of a clustered server), so every process of a deployment
 * reserves from one counter and the cap holds for the deployment as a whole. The scope is seeded,
 * on first use each month, from what the tenant's Evaluation rows already cost; after that every
 * evaluation reserves its expected cost before any provider call and settles with the real cost.
 */
import { randomUUID } from "node:crypto";
import { reserveOrRelease, type BudgetStore, type Reservation } from "../../limits/budget-store";
import { monthKey, monthStart, usdToUnits } from "../../limits/calendar";

/** What the tenant's evaluations already cost since `monthStart` (the seed). */
export type LoadMonthSpend = (tenantId: string, monthStart: Date) => Promise<number>;

export type { Reservation };

/** Longer than any evaluation runs (one deadline covers its calls); a process that dies mid-evaluation frees its hold after this. */
const LEASE_MS = 15 * 60_000;

export const evaluationScope = (tenantId: string): string => `evaluation:${tenantId}`;

export class EvaluationBudget {
  /** Seeds being read, so that evaluations starting together read the month's spend once. */
  private readonly seeding = new Map<string, Promise<void>>();

  constructor(private readonly store: BudgetStore, private readonly loadMonthSpend: LoadMonthSpend) {}

  private seed(tenantId: string, scope: string, month: string, now: Date): Promise<void> {
    const key = `${scope}|${month}`;
    let pending = this.seeding.get(key);
    if (!pending) {
      pending = this.loadMonthSpend(tenantId, monthStart(now))
        .then((spentUsd) => this.store.initialise(scope, month, usdToUnits(spentUsd)))
        .finally(() => this.seeding.delete(key));
      this.seeding.set(key, pending);
    }
    return pending;
  }

  /**
   * Holds `expectedUsd` of the tenant's monthly budget, or returns null when that would pass it
   * (or when the tenant has no budget: null or 0 means no evaluations at all).
   */
  async reserve(tenantId: string, budgetUsd: number | null, expectedUsd: number, now: Date): Promise<Reservation | null> {
    if (budgetUsd === null || !(budgetUsd > 0)) return null;
    const scope = evaluationScope(tenantId);
    const month = monthKey(now);
    const request = {
      holds: [{ scope, limitUnits: usdToUnits(budgetUsd) }], month, holdId: randomUUID(),
      units: Math.ceil(usdToUnits(Math.max(0, expectedUsd))), now: now.getTime(), leaseMs: LEASE_MS,
    };
    let result = await reserveOrRelease(this.store, request);
    if (result.status === "uninitialised") {
      await this.seed(tenantId, scope, month, now);
      result = await reserveOrRelease(this.store, request);
    }
    return result.status === "reserved" ? { scopes: [scope], month, holdId: request.holdId, units: request.units } : null;
  }

  /** Releases the reservation and counts what the evaluation really cost (unpriced calls count as their reservation). */
  settle(reservation: Reservation, actualUsd: number | null): Promise<void> {
    return this.store.settle(reservation, actualUsd === null ? reservation.units : usdToUnits(actualUsd));
  }
}
