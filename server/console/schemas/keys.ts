import { z } from "zod";
import { dateSchema, idSchema, INT4_MAX, nameSchema } from "./common";
import { monthlyBudgetSchema } from "./monthly-budget";
import type { Role } from "./roles";

/**
 * gateway: chat completions and messages; route: the explain endpoint; feedback: quality feedback;
 * admin and admin_read: the admin REST API, acting with the admin and the viewer role.
 */
export const KEY_SCOPES = ["gateway", "route", "feedback", "admin", "admin_read"] as const;
export type KeyScope = (typeof KEY_SCOPES)[number];

/** The console role an admin API key acts with, by its scope. */
export const ADMIN_SCOPE_ROLES = { admin: "admin", admin_read: "viewer" } as const satisfies Partial<Record<KeyScope, Role>>;
const isAdminScope = (scope: KeyScope) => scope in ADMIN_SCOPE_ROLES;

export const createApiKeySchema = z.object({
  name: nameSchema,
  teamId: idSchema.nullable(),
  policyId: idSchema.nullable(),
  scopes: z
    .array(z.enum(KEY_SCOPES))
    .min(1, "Pick at least one scope")
    .max(KEY_SCOPES.length, "Each scope once")
    // An automation credential that could also call the gateway would end up in applications' config.
    .refine((scopes) => scopes.every(isAdminScope) || !scopes.some(isAdminScope), "Admin scopes cannot be combined with gateway scopes"),
  monthlyBudgetUsd: monthlyBudgetSchema,
  rpmLimit: z.number().int("Whole number").positive("Must be above 0").max(INT4_MAX).nullable(),
  tpmLimit: z.number().int("Whole number").positive("Must be above 0").max(INT4_MAX).nullable(),
  // A key issued already expired could never be used: almost always a mistyped date.
  expiresAt: dateSchema.refine((date) => date.getTime() > Date.now(), "Pick a date in the future").nullable(),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** A key's budget and rate limits, as the admin API changes them; a field left out keeps its value. */
export const updateApiKeyLimitsSchema = createApiKeySchema.pick({ monthlyBudgetUsd: true, rpmLimit: true, tpmLimit: true }).partial();
export type UpdateApiKeyLimitsInput = z.infer<typeof updateApiKeyLimitsSchema>;
