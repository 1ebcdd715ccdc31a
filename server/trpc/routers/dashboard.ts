// The Overview dashboard. Every query reads the hourly rollups of the caller's tenant (from
// ctx, never from input) and returns chart-ready data.
import { router, viewerProcedure } from "../init";
import { dashboardFiltersSchema } from "../../analytics/dashboard-filters";
import { getDashboardKpis } from "../../analytics/get-dashboard-kpis";
import { getDashboardTrends } from "../../analytics/get-dashboard-trends";
import { getCategoryMix } from "../../analytics/get-category-mix";
import { getTopSpenders } from "../../analytics/get-top-spenders";
import { getBudgetBurn } from "../../analytics/get-budget-burn";
import { getEvaluationSpend } from "../../analytics/get-evaluation-spend";

export const dashboardRouter = router({
  kpis: viewerProcedure.input(dashboardFiltersSchema).query(({ ctx, input }) => getDashboardKpis(ctx.actor, input)),
  trends: viewerProcedure.input(dashboardFiltersSchema).query(({ ctx, input }) => getDashboardTrends(ctx.actor, input)),
  categoryMix: viewerProcedure.input(dashboardFiltersSchema).query(({ ctx, input }) => getCategoryMix(ctx.actor, input)),
  topSpenders: viewerProcedure.input(dashboardFiltersSchema).query(({ ctx, input }) => getTopSpenders(ctx.actor, input)),
  budgetBurn: viewerProcedure.input(dashboardFiltersSchema).query(({ ctx, input }) => getBudgetBurn(ctx.actor, input)),
  /** This month's evaluation spend against the tenant's evaluation budget (tenant-wide: no filters apply). */
  evaluationSpend: viewerProcedure.query(({ ctx }) => getEvaluationSpend(ctx.actor.db, ctx.actor.tenantId)),
});
