import { router, viewerProcedure } from "../init";
import { auditFiltersSchema, listAuditLogSchema } from "../../console/schemas/audit";
import { listAuditLog } from "../../console/audit/list-audit-log";
import { auditFilterOptions } from "../../console/audit/audit-filter-options";
import { exportAuditCsv } from "../../console/audit/export-audit-csv";

export const auditRouter = router({
  list: viewerProcedure.input(listAuditLogSchema).query(({ ctx, input }) => listAuditLog(ctx.actor, input)),
  filterOptions: viewerProcedure.query(({ ctx }) => auditFilterOptions(ctx.actor)),
  /** Served as a file by GET /api/audit/export, which calls it with the session's own context. */
  exportCsv: viewerProcedure.input(auditFiltersSchema).query(({ ctx, input }) => exportAuditCsv(ctx.actor, input)),
});
