import { memberProcedure, router, viewerProcedure } from "../init";
import { alertActionSchema, listAlertsSchema } from "../../console/schemas/alerts";
import { countOpenAlerts, listAlerts } from "../../console/alerts/list-alerts";
import { changeAlertStatus } from "../../console/alerts/change-alert-status";

export const alertsRouter = router({
  list: viewerProcedure.input(listAlertsSchema).query(({ ctx, input }) => listAlerts(ctx.actor, input)),
  openCount: viewerProcedure.query(({ ctx }) => countOpenAlerts(ctx.actor)),
  acknowledge: memberProcedure.input(alertActionSchema).mutation(({ ctx, input }) => changeAlertStatus(ctx.actor, input.id, "acknowledged")),
  resolve: memberProcedure.input(alertActionSchema).mutation(({ ctx, input }) => changeAlertStatus(ctx.actor, input.id, "resolved")),
});
