import { adminProcedure, memberProcedure, router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { policyFieldsSchema, restorePolicySchema, testPolicySchema, updatePolicySchema, whatIfPolicySchema } from "../../console/schemas/policies";
import { getPolicy, listPolicies } from "../../console/policies/list-policies";
import { createPolicy } from "../../console/policies/create-policy";
import { savePolicyVersion } from "../../console/policies/save-policy-version";
import { restorePolicy } from "../../console/policies/restore-policy";
import { setDefaultPolicy } from "../../console/policies/set-default-policy";
import { listPolicyVersions } from "../../console/policies/list-policy-versions";
import { testPolicy } from "../../console/policies/test-policy";
import { whatIfPolicy } from "../../console/policies/what-if-policy";

export const policiesRouter = router({
  list: viewerProcedure.query(({ ctx }) => listPolicies(ctx.actor)),
  get: viewerProcedure.input(byIdSchema).query(({ ctx, input }) => getPolicy(ctx.actor, input.id)),
  versions: viewerProcedure.input(byIdSchema).query(({ ctx, input }) => listPolicyVersions(ctx.actor, input.id)),
  create: adminProcedure.input(policyFieldsSchema).mutation(({ ctx, input }) => createPolicy(ctx.actor, input)),
  update: adminProcedure.input(updatePolicySchema).mutation(({ ctx, input }) => savePolicyVersion(ctx.actor, input)),
  restore: adminProcedure.input(restorePolicySchema).mutation(({ ctx, input }) => restorePolicy(ctx.actor, input.id, input.version, input.expectedVersion)),
  setDefault: adminProcedure.input(byIdSchema).mutation(({ ctx, input }) => setDefaultPolicy(ctx.actor, input.id)),
  // A query in spirit, but it takes a long prompt, so it is sent as a POST body.
  test: memberProcedure.input(testPolicySchema).mutation(({ ctx, input }) => testPolicy(ctx.actor, input)),
  // The same: a draft policy is too large for a query string.
  whatIf: memberProcedure.input(whatIfPolicySchema).mutation(({ ctx, input }) => whatIfPolicy(ctx.actor, input)),
});
