// The tenant's drift alert thresholds: read by every member, changed by admins and owners. Only
// the alerts job reads them (each round), so a change needs no announcement to the gateways.
import type { TenantActor } from "../actor";
import { recordAudit } from "../record-audit";
import { storedDriftSettings, type DriftSettings } from "../schemas/drift-settings";

/** Tenant is not tenant-owned data, so it is addressed by the actor's tenant id, never by input. */
export async function getDriftSettings(actor: TenantActor): Promise<DriftSettings> {
  const tenant = await actor.rootDb.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { driftSettings: true } });
  return storedDriftSettings(tenant.driftSettings);
}

export async function setDriftSettings(actor: TenantActor, settings: DriftSettings): Promise<DriftSettings> {
  return actor.rootDb.$transaction(async (tx) => {
    const before = await tx.tenant.findUniqueOrThrow({ where: { id: actor.tenantId }, select: { driftSettings: true } });
    await tx.tenant.update({ where: { id: actor.tenantId }, data: { driftSettings: settings } });
    const from = storedDriftSettings(before.driftSettings);
    // The audit names the fields that changed, with both values.
    const changed = (Object.keys(settings) as (keyof DriftSettings)[]).filter((k) => from[k] !== settings[k]);
    await recordAudit(tx, actor, {
      action: "tenant.drift_settings_set",
      targetType: "tenant",
      targetId: actor.tenantId,
      details: { changed: Object.fromEntries(changed.map((k) => [k, { from: from[k], to: settings[k] }])) },
    });
    return settings;
  });
}
