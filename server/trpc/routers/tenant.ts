// The current tenant, the user's tenants and switching between them, and tenant settings.
import { TRPCError } from "@trpc/server";
import { adminProcedure, ownerProcedure, protectedProcedure, router, viewerProcedure } from "../init";
import { renameTenantSchema, switchTenantSchema } from "../../console/schemas/account";
import { listMyTenants } from "../../console/account/list-my-tenants";
import { renameTenant } from "../../console/tenant/rename-tenant";
import { setEvaluationBudgetSchema } from "../../console/schemas/tenant-settings";
import { getTenantSettings, setEvaluationBudget } from "../../console/tenant/evaluation-budget";
import { resetLearning } from "../../console/tenant/reset-learning";
import { driftSettingsSchema } from "../../console/schemas/drift-settings";
import { getDriftSettings, setDriftSettings } from "../../console/tenant/drift-settings";
import { addSsoDomainSchema, removeSsoDomainSchema } from "../../console/schemas/sso-domains";
import { addSsoDomain, listSsoDomains, removeSsoDomain } from "../../console/tenant/sso-domains";

export const tenantRouter = router({
  current: viewerProcedure.query(({ ctx }) => ({ tenantId: ctx.actor.tenantId, name: ctx.tenantName, role: ctx.actor.role })),
  mine: protectedProcedure.query(({ ctx }) => listMyTenants(ctx.db, ctx.userId)),
  switch: protectedProcedure.input(switchTenantSchema).mutation(async ({ ctx, input }) => {
    const membership = await ctx.db.membership.findUnique({ where: { userId_tenantId: { userId: ctx.userId, tenantId: input.tenantId } }, select: { id: true } });
    if (!membership) throw new TRPCError({ code: "FORBIDDEN", message: "You are not a member of that organisation" });
    ctx.setTenantCookie(input.tenantId);
    return { tenantId: input.tenantId };
  }),
  rename: ownerProcedure.input(renameTenantSchema).mutation(({ ctx, input }) => renameTenant(ctx.actor, input.name)),
  settings: viewerProcedure.query(({ ctx }) => getTenantSettings(ctx.actor)),
  // Evaluations spend the tenant's money on extra model calls, so admins may set their cap as they do key budgets.
  setEvaluationBudget: adminProcedure.input(setEvaluationBudgetSchema).mutation(({ ctx, input }) => setEvaluationBudget(ctx.actor, input.evaluationBudgetUsd)),
  // Forgetting what routing learned changes every routed request of the tenant, like a policy edit.
  resetLearning: adminProcedure.mutation(({ ctx }) => resetLearning(ctx.actor)),
  driftSettings: viewerProcedure.query(({ ctx }) => getDriftSettings(ctx.actor)),
  // Thresholds decide which alerts the tenant gets, like the other alerting settings admins own.
  setDriftSettings: adminProcedure.input(driftSettingsSchema).mutation(({ ctx, input }) => setDriftSettings(ctx.actor, input)),
  // Domains decide who may join the organisation, like invites, which admins manage.
  ssoDomains: adminProcedure.query(({ ctx }) => listSsoDomains(ctx.actor)),
  addSsoDomain: adminProcedure.input(addSsoDomainSchema).mutation(({ ctx, input }) => addSsoDomain(ctx.actor, input)),
  removeSsoDomain: adminProcedure.input(removeSsoDomainSchema).mutation(({ ctx, input }) => removeSsoDomain(ctx.actor, input.id)),
});
