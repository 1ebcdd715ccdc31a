import { z } from "zod";
import { monthlyBudgetSchema } from "./monthly-budget";

/**
 * What evaluations (challenger and judge calls) may spend per calendar month (UTC), in USD; null
 * = no evaluations at all. Stored to four decimals like the other monthly budgets.
 */
export const setEvaluationBudgetSchema = z.object({ evaluationBudgetUsd: monthlyBudgetSchema });
export type SetEvaluationBudgetInput = z.infer<typeof setEvaluationBudgetSchema>;
