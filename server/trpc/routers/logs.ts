import { router, viewerProcedure } from "../init";
import { byIdSchema } from "../../console/schemas/common";
import { listRequestLogsSchema } from "../../console/schemas/logs";
import { listRequestLogs } from "../../console/logs/list-request-logs";
import { getRequestLog } from "../../console/logs/get-request-log";
import { listLogFilterOptions } from "../../console/logs/list-log-filter-options";

export const logsRouter = router({
  list: viewerProcedure.input(listRequestLogsSchema).query(({ ctx, input }) => listRequestLogs(ctx.actor, input)),
  get: viewerProcedure.input(byIdSchema).query(({ ctx, input }) => getRequestLog(ctx.actor, input.id)),
  filterOptions: viewerProcedure.query(({ ctx }) => listLogFilterOptions(ctx.actor)),
});
