import { memberProcedure, router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { countRequestLogsSchema, listRequestLogsSchema } from "../../console/schemas/logs";
import { countRequestLogs } from "../../console/logs/count-request-logs";
import { listRequestLogs } from "../../console/logs/list-request-logs";
import { getRequestLog } from "../../console/logs/get-request-log";
import { listLogFilterOptions } from "../../console/logs/list-log-filter-options";
import { giveFeedbackSchema } from "../../console/schemas/feedback";
import { giveFeedback } from "../../console/logs/give-feedback";
import { getRequestLearning } from "../../console/logs/get-request-learning";

export const logsRouter = router({
  list: viewerProcedure.input(listRequestLogsSchema).query(({ ctx, input }) => listRequestLogs(ctx.actor, input)),
  count: viewerProcedure.input(countRequestLogsSchema).query(({ ctx, input }) => countRequestLogs(ctx.actor, input.filters)),
  get: viewerProcedure.input(byIdSchema).query(({ ctx, input }) => getRequestLog(ctx.actor, input.id)),
  filterOptions: viewerProcedure.query(({ ctx }) => listLogFilterOptions(ctx.actor)),
  learning: viewerProcedure.input(byIdSchema).query(({ ctx, input }) => getRequestLearning(ctx.actor, input.id)),
  // Feedback teaches routing, so it takes write access: viewers only read it.
  giveFeedback: memberProcedure.input(giveFeedbackSchema).mutation(({ ctx, input }) => giveFeedback(ctx.actor, input)),
});
