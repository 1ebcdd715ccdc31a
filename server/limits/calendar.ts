// Money as integer units and the calendar that budgets run on (UTC months). Stores keep
// integers so that Redis INCRBY and Lua sums stay exact; 1e-8 USD matches the database's
// Decimal(18, 8) cost columns.
export const UNITS_PER_USD = 100_000_000;

export const usdToUnits = (usd: number): number => Math.round(usd * UNITS_PER_USD);
export const unitsToUsd = (units: number): number => units / UNITS_PER_USD;

export function monthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

/** "2026-11": part of every budget key, so a new month starts from zero by itself. */
export function monthKey(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}
