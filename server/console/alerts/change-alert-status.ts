import type { TenantActor } from "../actor";
import { conflict, notFound } from "../console-error";
import { recordAudit } from "../record-audit";

/**
 * Acknowledging says someone is on it (the alert stays until its cause is gone); resolving closes
 * it by hand. A resolved alert takes neither: the same cause is not raised again that month, so
 * reopening it would only confuse its history.
 */
export async function changeAlertStatus(actor: TenantActor, id: string, to: "acknowledged" | "resolved", now: Date = new Date()): Promise<void> {
  await actor.db.$transaction(async (tx) => {
    const alert = await tx.alert.findFirst({ where: { id }, select: { status: true, kind: true, title: true } });
    if (!alert) throw notFound("Alert");
    if (alert.status === "resolved") throw conflict("This alert is already resolved");
    if (alert.status === to) return;
    await tx.alert.update({
      where: { id },
      data: to === "acknowledged" ? { status: to, acknowledgedAt: now, acknowledgedBy: actor.userId } : { status: to, resolvedAt: now },
    });
    await recordAudit(tx, actor, { action: `alert.${to}`, targetType: "alert", targetId: id, details: { kind: alert.kind, title: alert.title, from: alert.status } });
  });
}
