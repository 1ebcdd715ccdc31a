// The filtered audit trail as CSV, newest first, capped so one download cannot read the whole
// table: the file says so in its last line when it stops at the cap.
import type { TenantActor } from "../actor";
// The request logs' CSV cells: quoted as RFC 4180 says and with formula-like text defused.
import { csvLine } from "../logs/csv";
import type { AuditFilters } from "../schemas/audit";
import { auditWhere, describeAuditRows } from "./list-audit-log";

export const AUDIT_EXPORT_MAX_ROWS = 10_000;

const HEADER = ["time", "actor", "summary", "action", "object type", "object id", "changes"] as const;

export async function exportAuditCsv(actor: TenantActor, filters: AuditFilters, maxRows: number = AUDIT_EXPORT_MAX_ROWS): Promise<string> {
  const rows = await actor.db.auditLog.findMany({ where: auditWhere(filters), orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: maxRows + 1 });
  const items = await describeAuditRows(actor, rows.slice(0, maxRows));
  const lines = items.map((i) => [
    i.createdAt.toISOString(),
    i.actor,
    i.summary,
    i.action,
    i.targetType,
    i.targetId,
    i.changes.map((c) => (c.before === null ? `${c.field} changed` : `${c.field}: ${c.before} → ${c.after}`)).join("; "),
  ]);
  if (rows.length > maxRows) lines.push([`Only the newest ${maxRows.toLocaleString("en")} entries; narrow the filters to export older ones.`, null, null, null, null, null, null]);
  return [HEADER, ...lines].map(csvLine).join("");
}
