import { z } from "zod";
import { idSchema, nameSchema } from "./common";
import { monthlyBudgetSchema } from "./monthly-budget";

/** A team's budget caps the spend of all its keys together. */
export const createTeamSchema = z.object({ name: nameSchema, monthlyBudgetUsd: monthlyBudgetSchema.default(null) });
export const updateTeamSchema = z.object({ id: idSchema, name: nameSchema, monthlyBudgetUsd: monthlyBudgetSchema });
