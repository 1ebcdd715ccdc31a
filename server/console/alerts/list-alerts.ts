import type { TenantActor } from "../actor";
import type { AlertFilters } from "../schemas/alerts";

/** Most alerts a page shows: the newest by last sighting, so a long history cannot slow the page. */
export const ALERT_PAGE_SIZE = 200;

export async function listAlerts(actor: TenantActor, filters: AlertFilters) {
  const where = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.severity ? { severity: filters.severity } : {}),
  };
  const [alerts, open] = await Promise.all([
    actor.db.alert.findMany({ where, orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }], take: ALERT_PAGE_SIZE }),
    countOpenAlerts(actor),
  ]);
  return {
    open,
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      subjectType: a.subjectType,
      subjectId: a.subjectId,
      severity: a.severity,
      status: a.status,
      title: a.title,
      details: a.details as Record<string, unknown>,
      firstSeenAt: a.firstSeenAt,
      lastSeenAt: a.lastSeenAt,
      acknowledgedAt: a.acknowledgedAt,
      resolvedAt: a.resolvedAt,
    })),
  };
}

/** The console navigation's badge: open alerts (neither acknowledged nor resolved), one indexed count. */
export function countOpenAlerts(actor: TenantActor): Promise<number> {
  return actor.db.alert.count({ where: { status: "open" } });
}
