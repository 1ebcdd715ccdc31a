import { z } from "zod";

/**
 * A key's or a team's monthly spend cap in USD; null = no cap. The database keeps budgets to
 * four decimals (Decimal(14, 4)), so a smaller positive amount would be stored as $0 and refuse
 * every request: it is refused here instead.
 */
export const monthlyBudgetSchema = z.number().min(0.0001, "At least $0.0001: budgets are stored to 4 decimals").max(1_000_000_000).nullable();
