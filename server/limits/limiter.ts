// Admission control for one gateway request: the key's per-minute request and token limits,
// then the monthly budgets of the key and of its team, reserved atomically and settled with
// the real cost afterwards. Rate limits fail open when their store is unreachable (they
// protect capacity, not money); budgets fail closed.
import { randomUUID } from "node:crypto";
import { reserveOrRelease, type BudgetHold, type BudgetStore, type Reservation } from "./budget-store";
import { monthKey, monthStart, nextMonthStart, unitsToUsd, usdToUnits } from "./calendar";
import { WINDOW_MS, chargeableTokens, type RateWindowStore } from "./rate-window-store";
import { throttledLog } from "../observability/throttled-log";

export interface LimitSubject {
  tenantId: string;
  keyId: string;
  /** Named in budget refusals, so that the caller knows which budget refused. */
  keyName: string;
  teamId: string | null;
  rpmLimit: number | null;
  tpmLimit: number | null;
  keyBudgetUsd: number | null;
  teamBudgetUsd: number | null;
}

export interface AdmissionRequest {
  subject: LimitSubject;
  estimatedTokens: number;
  /** Expected cost of the request at its priciest model; null when a model is unpriced. */
  expectedCostUsd: number | null;
}

export interface AdmissionTicket {
  keyId: string;
  window: number | null;
  chargedTokens: number;
  reservation: Reservation | null;
}

/** Which limit refused a request (for the gateway's metrics). */
export type RefusalReason = "rate_limit" | "budget_used_up" | "budget_too_small" | "budget_held" | "unpriced_model" | "budget_unavailable";

/**
 * Why a request was refused. 429 means waiting helps: the rate window turns over, requests in
 * flight release their holds, or (used up) the month ends, which Retry-After then names. 402 means
 * this request's hold is larger than what is left of a budget: only a smaller request or a larger
 * budget helps, so there is no Retry-After. `retrySoon` is false when an immediate retry (as the
 * SDKs make on a 429) cannot succeed.
 */
export interface Refusal {
  admitted: false;
  status: 402 | 403 | 429 | 503;
  reason: RefusalReason;
  message: string;
  retryAfterSeconds: number | null;
  retrySoon: boolean;
}

export type Admission = { admitted: true; ticket: AdmissionTicket } | Refusal;

export interface LimitsConfig {
  /** Held = expected cost x this, so that a longer answer than expected still fits. */
  reserveMultiplier: number;
  /** What a budgeted request that may reach an unpriced model does: hold a fixed amount, or be refused. */
  unpriced: "reserve" | "refuse";
  unpricedReserveUsd: number;
  /** A hold not settled within this (a crashed process) expires. */
  leaseMs: number;
  /** Suggested wait when only in-flight holds (not settled spend) fill the budget. */
  heldRetryAfterMs: number;
}

export const DEFAULT_LIMITS_CONFIG: LimitsConfig = { reserveMultiplier: 2, unpriced: "reserve", unpricedReserveUsd: 0.5, leaseMs: 30 * 60_000, heldRetryAfterMs: 5_000 };

export type BudgetScope = { kind: "key" | "team"; id: string };
/** Month-to-date settled spend in USD (from the database's usage rollups). */
export type SpendLoader = (tenantId: string, scope: BudgetScope, from: Date) => Promise<number>;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
/** Cents-and-up amounts to 4 decimals; smaller ones to the stored precision, so that no amount reads $0.0000. */
const formatUsd = (units: number) => `$${unitsToUsd(units).toFixed(units >= usdToUnits(0.01) ? 4 : 8)}`;

export class Limiter {
  private readonly initialising = new Map<string, Promise<void>>();

  constructor(
    private readonly windows: RateWindowStore,
    private readonly budgets: BudgetStore,
    private readonly loadSpend: SpendLoader,
    private readonly config: LimitsConfig = DEFAULT_LIMITS_CONFIG,
    private readonly clock: () => number = Date.now,
    private readonly log: (message: string, error: unknown) => void = throttledLog("limits"),
  ) {}

  async admit({ subject, estimatedTokens, expectedCostUsd }: AdmissionRequest): Promise<Admission> {
    const now = this.clock();
    const ticket: AdmissionTicket = { keyId: subject.keyId, window: null, chargedTokens: 0, reservation: null };
    // The rate window and the budget hold go to their stores together: with workers (or Redis)
    // each is a round trip, and a request should wait for one, not two in a row. A hold taken for
    // a request that the window then refuses is released at once.
    const [rateRefusal, budgetRefusal] = await Promise.all([this.takeWindow(subject, estimatedTokens, ticket, now), this.reserveBudget(subject, expectedCostUsd, ticket, now)]);
    if (rateRefusal) {
      await this.settleBudget(ticket, 0);
      return rateRefusal;
    }
    if (budgetRefusal) {
      await this.settleTokens(ticket, 0);
      return budgetRefusal;
    }
    return { admitted: true, ticket };
  }

  /** Counts the request in its key's window; a refusal when the window is full (null when admitted or unlimited). */
  private async takeWindow(subject: LimitSubject, estimatedTokens: number, ticket: AdmissionTicket, now: number): Promise<Refusal | null> {
    if (subject.rpmLimit === null && subject.tpmLimit === null) return null;
    const window = Math.floor(now / WINDOW_MS);
    const tokens = subject.tpmLimit === null ? 0 : chargeableTokens(estimatedTokens, subject.tpmLimit);
    try {
      if (!(await this.windows.take(subject.keyId, window, { requests: 1, tokens }, { requests: subject.rpmLimit, tokens: subject.tpmLimit }))) {
        const limits = [subject.rpmLimit !== null && `${subject.rpmLimit} requests`, subject.tpmLimit !== null && `${subject.tpmLimit} tokens`].filter(Boolean).join(" / ");
        return { admitted: false, status: 429, reason: "rate_limit", message: `Rate limit of this key reached (${limits} per minute)`, retryAfterSeconds: seconds((window + 1) * WINDOW_MS - now), retrySoon: true };
      }
      Object.assign(ticket, { window, chargedTokens: tokens });
    } catch (error) {
      this.log("rate limit store unavailable, admitting", error);
    }
    return null;
  }

  /** After the request: the real cost (null = unpriced, adds nothing) and tokens; releases the hold. */
  async settle(ticket: AdmissionTicket, actual: { costUsd: number | null; tokens: number }): Promise<void> {
    // Two independent stores: both corrections at once, so that a worker's calls to its primary
    // (or Redis) cost one round trip here, not two in a row.
    await Promise.all([this.settleTokens(ticket, actual.tokens), this.settleBudget(ticket, actual.costUsd)]);
  }

  private async settleBudget(ticket: AdmissionTicket, costUsd: number | null): Promise<void> {
    if (!ticket.reservation) return;
    try {
      await this.budgets.settle(ticket.reservation, usdToUnits(costUsd ?? 0));
    } catch (error) {
      this.log("could not settle a budget hold; it expires with its lease", error);
    }
  }

  private async settleTokens(ticket: AdmissionTicket, tokens: number): Promise<void> {
    if (ticket.window === null || ticket.chargedTokens === tokens) return;
    try {
      await this.windows.adjustTokens(ticket.keyId, ticket.window, tokens - ticket.chargedTokens);
    } catch (error) {
      this.log("could not correct a token window", error);
    }
  }

  /** Loads a scope's month-to-date spend once per process, however many requests wait for it. */
  private initialise(tenantId: string, scope: BudgetScope, name: string, date: Date): Promise<void> {
    const key = `${name}|${monthKey(date)}`;
    let pending = this.initialising.get(key);
    if (!pending) {
      pending = this.loadSpend(tenantId, scope, monthStart(date)).then((spent) => this.budgets.initialise(name, monthKey(date), usdToUnits(spent)));
      this.initialising.set(key, pending);
      void pending.finally(() => this.initialising.delete(key)).catch(() => {});
    }
    return pending;
  }

  private async reserveBudget(subject: LimitSubject, expectedCostUsd: number | null, ticket: AdmissionTicket, now: number): Promise<Refusal | null> {
    const scopes = new Map<string, { scope: BudgetScope; hold: BudgetHold }>();
    const add = (kind: BudgetScope["kind"], id: string | null, usd: number | null) => {
      if (id !== null && usd !== null) scopes.set(`${kind}:${id}`, { scope: { kind, id }, hold: { scope: `${kind}:${id}`, limitUnits: usdToUnits(usd) } });
    };
    add("key", subject.keyId, subject.keyBudgetUsd);
    add("team", subject.teamId, subject.teamBudgetUsd);
    if (scopes.size === 0) return null;
    if (expectedCostUsd === null && this.config.unpriced === "refuse") {
      return { admitted: false, status: 403, reason: "unpriced_model", message: "This key has a monthly budget, and the request could be served by a model without a known price", retryAfterSeconds: null, retrySoon: false };
    }
    const units = Math.ceil(usdToUnits(expectedCostUsd === null ? this.config.unpricedReserveUsd : expectedCostUsd * this.config.reserveMultiplier));
    const date = new Date(now);
    const request = { holds: [...scopes.values()].map((s) => s.hold), month: monthKey(date), holdId: randomUUID(), units, now, leaseMs: this.config.leaseMs };
    try {
      let result = await reserveOrRelease(this.budgets, request);
      if (result.status === "uninitialised") {
        await Promise.all(result.scopes.map((name) => this.initialise(subject.tenantId, scopes.get(name)!.scope, name, date)));
        result = await reserveOrRelease(this.budgets, request);
      }
      if (result.status === "reserved") {
        ticket.reservation = { scopes: request.holds.map((h) => h.scope), month: request.month, holdId: request.holdId, units };
        return null;
      }
      if (result.status === "uninitialised") throw new Error(`budget counters missing after initialisation: ${result.scopes.join(", ")}`);
      const owner = result.scope.startsWith("team:") ? `the team of key "${subject.keyName}"` : `key "${subject.keyName}"`;
      return budgetRefusal({ owner, limit: scopes.get(result.scope)!.hold.limitUnits, spent: result.spentUnits, held: result.heldUnits, needed: units, unpriced: expectedCostUsd === null }, date, this.config);
    } catch (error) {
      this.log("budget store unavailable, refusing budgeted request", error);
      return { admitted: false, status: 503, reason: "budget_unavailable", message: "Budget accounting is temporarily unavailable", retryAfterSeconds: 5, retrySoon: true };
    }
  }
}

/**
 * The refusal that says which of three things happened to a budget (amounts in units): it is used
 * up until the month ends; this request's hold alone is more than what is left; or holds of
 * requests in flight fill what is left for now.
 */
function budgetRefusal(b: { owner: string; limit: number; spent: number; held: number; needed: number; unpriced: boolean }, date: Date, config: LimitsConfig): Refusal {
  const budget = `the monthly budget of ${b.owner} (${formatUsd(b.limit)})`;
  if (b.spent >= b.limit) {
    const resetsAt = nextMonthStart(date);
    return {
      admitted: false, status: 429, reason: "budget_used_up", retrySoon: false,
      message: `The ${budget.slice(4)} is used up (${formatUsd(b.spent)} spent); it resets at ${resetsAt.toISOString()}, or raise the budget`,
      retryAfterSeconds: seconds(resetsAt.getTime() - date.getTime()),
    };
  }
  if (b.spent + b.needed > b.limit) {
    // An unpriced plan holds a fixed amount, which no smaller request lowers.
    const remedy = b.unpriced ? "ask for a model with a known price" : "send a smaller request (lower max_tokens)";
    return {
      admitted: false, status: 402, reason: "budget_too_small", retrySoon: false, retryAfterSeconds: null,
      message: `This request needs an estimated ${formatUsd(b.needed)} but only ${formatUsd(b.limit - b.spent)} of ${budget} is left; ${remedy} or raise the budget`,
    };
  }
  return {
    admitted: false, status: 429, reason: "budget_held", retrySoon: true, retryAfterSeconds: seconds(config.heldRetryAfterMs),
    message: `Requests in flight hold ${formatUsd(b.held)} of what is left of ${budget} (${formatUsd(b.spent)} spent); this request needs an estimated ${formatUsd(b.needed)}: retry in a few seconds`,
  };
}
