// Tests read a tenant's evaluation spend where the budget keeps it: in the budget store.
import type { InProcessBudgetStore } from "../limits/budget-store";
import { unitsToUsd } from "../limits/calendar";
import { evaluationScope } from "../learning/evaluation/evaluation-budget";

/** Settled and held spend of a tenant's evaluations in a month, in USD; null before the month was seeded. */
export function knownSpend(store: InProcessBudgetStore, tenantId: string, month = "2026-12"): { spentUsd: number; reservedUsd: number } | null {
  const usage = store.usage(evaluationScope(tenantId), month);
  return usage && { spentUsd: unitsToUsd(usage.spentUnits), reservedUsd: unitsToUsd(usage.heldUnits) };
}
