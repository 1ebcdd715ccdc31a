import { z } from "zod";
import { idSchema, nameSchema } from "./common";

/** A team's monthly spend cap in USD across all its keys; null = no cap. */
export const teamBudgetSchema = z.number().positive("Must be above 0").max(1_000_000_000).nullable();

export const createTeamSchema = z.object({ name: nameSchema, monthlyBudgetUsd: teamBudgetSchema.default(null) });
export const updateTeamSchema = z.object({ id: idSchema, name: nameSchema, monthlyBudgetUsd: teamBudgetSchema });
