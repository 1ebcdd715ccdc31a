// Request bodies of the admin API: the console's own schemas, with JSON's shapes where a form's
// differ (a date arrives as an ISO 8601 string) and optional fields that default as the console's
// forms leave them. Path ids come from the URL, never from a body.
import { z } from "zod";
import { createApiKeySchema, updateApiKeyLimitsSchema } from "../console/schemas/keys";
import { createTeamSchema, updateTeamSchema } from "../console/schemas/teams";
import { updatePolicySchema } from "../console/schemas/policies";
import { byIdSchema } from "../console/schemas/common";

/** Largest request body: a policy with every rule filled in is a few kilobytes. */
export const ADMIN_MAX_BODY_BYTES = 256 * 1024;

const key = createApiKeySchema.shape;

export const createKeyBodySchema = createApiKeySchema.extend({
  teamId: key.teamId.default(null),
  policyId: key.policyId.default(null),
  monthlyBudgetUsd: key.monthlyBudgetUsd.default(null),
  rpmLimit: key.rpmLimit.default(null),
  tpmLimit: key.tpmLimit.default(null),
  expiresAt: z.iso
    .datetime({ offset: true, message: "An ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z" })
    .transform((value) => new Date(value))
    .pipe(key.expiresAt.unwrap())
    .nullable()
    .default(null),
});

export const updateKeyBodySchema = updateApiKeyLimitsSchema.strict();
export const createTeamBodySchema = createTeamSchema;
export const updateTeamBodySchema = updateTeamSchema.omit({ id: true });
export const savePolicyVersionBodySchema = updatePolicySchema.omit({ id: true });
export const idParamsSchema = byIdSchema;
