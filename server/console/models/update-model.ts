// Editing a global model creates the tenant's override of it; editing an override or a custom
// model changes it in place. The global row is never touched.
import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { checkBaseUrl } from "../check-base-url";
import { notFound } from "../console-error";
import { recordAudit } from "../record-audit";
import type { ModelFields } from "../schemas/models";
import { modelColumns } from "./model-columns";

export async function updateModel(actor: TenantActor, slug: string, fields: ModelFields): Promise<void> {
  const data = modelColumns({ ...fields, baseUrl: await checkBaseUrl(fields.baseUrl) });
  await actor.db.$transaction(async (tx) => {
    const rows = await tx.model.findMany({ where: { slug } });
    const own = rows.find((r) => r.tenantId === actor.tenantId);
    const global = rows.find((r) => r.tenantId === null);
    if (own) {
      await tx.model.update({ where: { id: own.id }, data });
    } else if (global) {
      await tx.model.create({
        data: { ...data, tenantId: actor.tenantId, slug, provider: global.provider, deprecatedAt: global.deprecatedAt, replacementSlug: global.replacementSlug },
      });
    } else {
      throw notFound("Model");
    }
    await recordAudit(tx, actor, {
      action: own ? "model.updated" : "model.overridden",
      targetType: "model",
      targetId: slug,
      details: { fields: Object.keys(fields) },
    });
  });
  await invalidateTenant(actor.db, actor.tenantId);
}
