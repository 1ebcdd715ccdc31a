// A tenant's own catalog entry, e.g. a self-hosted OpenAI-compatible model behind a base URL.
import { invalidateTenant } from "../../gateway/config-cache";
import { CATALOG_PROVIDERS, isCatalogProvider } from "../../providers/registry";
import type { TenantActor } from "../actor";
import { checkBaseUrl } from "../check-base-url";
import { conflict, invalid } from "../console-error";
import { recordAudit } from "../record-audit";
import { requireRoom, TENANT_LIMITS } from "../tenant-limits";
import type { ModelFields } from "../schemas/models";
import { modelColumns } from "./model-columns";

export async function createCustomModel(actor: TenantActor, input: { slug: string; provider: string; fields: ModelFields }): Promise<void> {
  if (!isCatalogProvider(input.provider)) throw invalid(`Unknown provider "${input.provider}"`);
  const globalSlugs = (await actor.rootDb.model.findMany({ where: { tenantId: null }, select: { slug: true } })).map((m) => m.slug);
  const ownModels = actor.db.model.count({ where: { tenantId: actor.tenantId, slug: { notIn: globalSlugs } } });
  await requireRoom(ownModels, TENANT_LIMITS.customModels, "models of its own", "change an existing one instead");
  const baseUrl = await checkBaseUrl(input.fields.baseUrl);
  if (!baseUrl && CATALOG_PROVIDERS[input.provider].baseUrl === undefined) throw invalid("Base URL: required for an OpenAI-compatible model");
  await actor.db.$transaction(async (tx) => {
    if (await tx.model.findFirst({ where: { slug: input.slug }, select: { id: true } })) throw conflict(`A model "${input.slug}" already exists`);
    await tx.model.create({ data: { ...modelColumns({ ...input.fields, baseUrl }), tenantId: actor.tenantId, slug: input.slug, provider: input.provider } });
    await recordAudit(tx, actor, { action: "model.created", targetType: "model", targetId: input.slug, details: { provider: input.provider, baseUrl } });
  });
  await invalidateTenant(actor.db, actor.tenantId);
}
