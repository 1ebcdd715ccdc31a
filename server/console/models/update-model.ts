// Editing a global model creates the tenant's override of it; editing an override or a custom
// model changes it in place. The global row is never touched.
import type { Prisma } from "../../db/generated/client";
import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { checkBaseUrl } from "../check-base-url";
import { notFound } from "../console-error";
import { changedFields } from "../changed-fields";
import { recordAudit } from "../record-audit";
import type { ModelFields } from "../schemas/models";
import { modelColumns } from "./model-columns";

export async function updateModel(actor: TenantActor, slug: string, fields: ModelFields): Promise<void> {
  const data = modelColumns({ ...fields, baseUrl: await checkBaseUrl(fields.baseUrl) });
  await actor.db.$transaction(async (tx) => {
    const rows = await tx.model.findMany({ where: { slug } });
    const own = rows.find((r) => r.tenantId === actor.tenantId);
    const global = rows.find((r) => r.tenantId === null);
    const before = own ?? global;
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
      details: { changes: before ? modelChanges(before, fields) : [] },
    });
  });
  await invalidateTenant(actor.db, actor.tenantId);
}

/** The edited fields' values before and after (prices are decimals in the row, numbers in the form). */
function modelChanges(row: Record<string, unknown>, fields: ModelFields): Prisma.InputJsonValue {
  const before = Object.fromEntries(Object.keys(fields).map((k) => {
    const value = row[k];
    return [k, value !== null && typeof value === "object" && "toNumber" in value ? (value as { toNumber(): number }).toNumber() : value];
  }));
  return changedFields(before, fields) as unknown as Prisma.InputJsonValue;
}
