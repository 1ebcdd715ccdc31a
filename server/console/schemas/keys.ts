import { z } from "zod";
import { dateSchema, idSchema, INT4_MAX, nameSchema } from "./common";
import { monthlyBudgetSchema } from "./monthly-budget";

/** gateway: chat completions and messages; route: the explain endpoint; feedback: quality feedback. */
export const KEY_SCOPES = ["gateway", "route", "feedback"] as const;

export const createApiKeySchema = z.object({
  name: nameSchema,
  teamId: idSchema.nullable(),
  policyId: idSchema.nullable(),
  scopes: z.array(z.enum(KEY_SCOPES)).min(1, "Pick at least one scope").max(KEY_SCOPES.length, "Each scope once"),
  monthlyBudgetUsd: monthlyBudgetSchema,
  rpmLimit: z.number().int("Whole number").positive("Must be above 0").max(INT4_MAX).nullable(),
  tpmLimit: z.number().int("Whole number").positive("Must be above 0").max(INT4_MAX).nullable(),
  // A key issued already expired could never be used: almost always a mistyped date.
  expiresAt: dateSchema.refine((date) => date.getTime() > Date.now(), "Pick a date in the future").nullable(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
