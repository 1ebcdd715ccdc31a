/**
 * What evaluations may still spend this calendar month (UTC), per tenant, kept in memory so that
 * offering an evaluation costs no database round trip. A tenant's figure is seeded once per process
 * (and again when the month turns) from what its Evaluation rows already cost this month; after
 * that every evaluation reserves its expected cost before any provider call and settles with the
 * real cost when it ends. Several processes each count their own evaluations on top of the seed,
 * so the cap can be overshot by at most what the other processes spent since this one seeded.
 */
import { monthKey, monthStart } from "../../limits/calendar";

/** What the tenant's evaluations already cost since `monthStart` (the seed). */
export type LoadMonthSpend = (tenantId: string, monthStart: Date) => Promise<number>;

export interface Reservation {
  tenantId: string;
  month: string;
  amountUsd: number;
}

interface TenantSpend {
  month: string;
  /** Settled spend, the seed included. */
  spentUsd: number;
  /** Held by evaluations under way. */
  reservedUsd: number;
}

export class EvaluationBudget {
  private readonly tenants = new Map<string, TenantSpend>();
  private readonly seeding = new Map<string, Promise<TenantSpend>>();

  constructor(private readonly loadMonthSpend: LoadMonthSpend) {}

  private async spendOf(tenantId: string, now: Date): Promise<TenantSpend> {
    const month = monthKey(now);
    const known = this.tenants.get(tenantId);
    if (known?.month === month) return known;
    const key = `${tenantId}|${month}`;
    let pending = this.seeding.get(key);
    if (!pending) {
      pending = this.loadMonthSpend(tenantId, monthStart(now)).then(
        (spentUsd) => {
          const spend = { month, spentUsd, reservedUsd: 0 };
          this.tenants.set(tenantId, spend);
          return spend;
        },
      ).finally(() => this.seeding.delete(key));
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
    const spend = await this.spendOf(tenantId, now);
    const amountUsd = Math.max(0, expectedUsd);
    if (spend.spentUsd + spend.reservedUsd + amountUsd > budgetUsd) return null;
    spend.reservedUsd += amountUsd;
    return { tenantId, month: spend.month, amountUsd };
  }

  /** Releases the reservation and counts what the evaluation really cost (unpriced calls count as their reservation). */
  settle(reservation: Reservation, actualUsd: number | null): void {
    const spend = this.tenants.get(reservation.tenantId);
    // The month turned while the evaluation ran: the new month's seed already reads its row.
    if (!spend || spend.month !== reservation.month) return;
    spend.reservedUsd = Math.max(0, spend.reservedUsd - reservation.amountUsd);
    spend.spentUsd += actualUsd ?? reservation.amountUsd;
  }

  /** Settled and reserved spend this month as this process knows it (for tests and diagnostics). */
  known(tenantId: string): { spentUsd: number; reservedUsd: number } | null {
    const spend = this.tenants.get(tenantId);
    return spend ? { spentUsd: spend.spentUsd, reservedUsd: spend.reservedUsd } : null;
  }
}
