// Deprecates a model from a date on, naming its replacement (or cancels a deprecation). For a
// global model this is recorded on the tenant's override, like any other edit.
import { invalidateTenant } from "../../gateway/config-cache";
import type { TenantActor } from "../actor";
import { invalid, notFound } from "../console-error";
import { recordAudit } from "../record-audit";

export async function setModelLifecycle(actor: TenantActor, input: { slug: string; deprecatedAt: Date | null; replacementSlug: string | null }): Promise<void> {
  const lifecycle = { deprecatedAt: input.deprecatedAt, replacementSlug: input.deprecatedAt ? input.replacementSlug : null };
  if (lifecycle.replacementSlug === input.slug) throw invalid("A model cannot replace itself");
  await actor.db.$transaction(async (tx) => {
    const rows = await tx.model.findMany({ where: { slug: { in: [input.slug, lifecycle.replacementSlug ?? input.slug] } } });
    const own = rows.find((r) => r.slug === input.slug && r.tenantId === actor.tenantId);
    const global = rows.find((r) => r.slug === input.slug && r.tenantId === null);
    if (lifecycle.replacementSlug && !rows.some((r) => r.slug === lifecycle.replacementSlug)) throw notFound("Replacement model");
    if (own) {
      await tx.model.update({ where: { id: own.id }, data: lifecycle });
    } else if (global) {
      const { id: _id, tenantId: _tenantId, createdAt: _createdAt, updatedAt: _updatedAt, quality, ...copy } = global;
      await tx.model.create({ data: { ...copy, quality: quality ?? {}, ...lifecycle, tenantId: actor.tenantId } });
    } else {
      throw notFound("Model");
    }
    await recordAudit(tx, actor, {
      action: lifecycle.deprecatedAt ? "model.deprecated" : "model.undeprecated",
      targetType: "model",
      targetId: input.slug,
      details: {
        deprecatedAt: lifecycle.deprecatedAt?.toISOString() ?? null,
        replacementSlug: lifecycle.replacementSlug,
        // Before and after, for the audit log's diff.
        from: lifecycleOf(own ?? global), to: lifecycleOf(lifecycle),
      },
    });
  });
  await invalidateTenant(actor.db, actor.tenantId);
}

const lifecycleOf = (row: { deprecatedAt: Date | null; replacementSlug: string | null } | undefined) =>
  ({ deprecatedAt: row?.deprecatedAt?.toISOString() ?? null, replacementSlug: row?.replacementSlug ?? null });
