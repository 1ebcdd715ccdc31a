import { router, viewerProcedure } from "../init";
import { pageSchema } from "../../console/schemas/common";
import { listAuditLog } from "../../console/audit/list-audit-log";

export const auditRouter = router({
  list: viewerProcedure.input(pageSchema).query(({ ctx, input }) => listAuditLog(ctx.actor, input)),
});
