// What the caller's `model` field selects: the key's policy ("auto"), a named policy
// ("policy/<name>"), or one catalog model directly. A model deprecated as of now is replaced
// by its successor so that applications keep working when a model is retired.
import { kindOf } from "../routing/model-kind";
import type { CatalogModel, ModelKind, RoutingPolicy } from "../routing/types";
import type { GatewayKey } from "./config-cache";
import type { TenantConfig } from "./load-tenant-config";
import { badRequest, notFound, unavailable } from "./gateway-error";

export type ModelSelection =
  | { kind: "policy"; policy: RoutingPolicy }
  | { kind: "direct"; policy: RoutingPolicy; model: CatalogModel; replaced: string[] };

const MAX_REPLACEMENTS = 5;

export function isDeprecated(model: CatalogModel, now: Date): boolean {
  return model.deprecatedAt !== null && new Date(model.deprecatedAt) <= now;
}

function keyPolicy(key: GatewayKey, config: TenantConfig): RoutingPolicy {
  const policy = config.policiesById.get(key.policyId ?? config.defaultPolicyId ?? "");
  if (!policy) throw unavailable("No routing policy is configured for this key; set a default policy in the console");
  return policy;
}

function findModel(config: TenantConfig, requested: string): CatalogModel | undefined {
  return config.catalog.find((m) => m.id === requested) ?? config.catalog.find((m) => m.providerModelId === requested);
}

/** What each kind of model is for, in a refusal of a model sent to the other kind's endpoint. */
const SERVED_BY: Record<ModelKind, string> = { chat: "the chat endpoints", embedding: "POST /v1/embeddings" };

/** `kind` is the endpoint's: a model of the other kind named directly is refused with a 400 saying where it is served. */
export function resolveModel(requested: string, key: GatewayKey, config: TenantConfig, now: Date, kind: ModelKind = "chat"): ModelSelection {
  if (requested === "auto") return { kind: "policy", policy: keyPolicy(key, config) };
  if (requested.startsWith("policy/")) {
    const policy = config.policiesByName.get(requested.slice("policy/".length));
    if (!policy) throw notFound(`Unknown routing policy '${requested}'. GET /v1/models lists the policies this key may use`);
    return { kind: "policy", policy };
  }
  const found = findModel(config, requested);
  if (!found) throw notFound(`The model '${requested}' does not exist in this catalog. Use 'auto' or a model listed by GET /v1/models`);
  let model: CatalogModel = found;
  const replaced: string[] = [];
  while (isDeprecated(model, now)) {
    const next: CatalogModel | undefined = model.replacementModelId ? findModel(config, model.replacementModelId) : undefined;
    if (!next || replaced.length >= MAX_REPLACEMENTS) {
      throw notFound(`The model '${model.id}' was retired on ${model.deprecatedAt} and has no available replacement`);
    }
    replaced.push(model.id);
    model = next;
  }
  if (!model.enabled) throw badRequest(`The model '${model.id}' is disabled in this catalog`);
  if (kindOf(model) !== kind) throw badRequest(`The model '${model.id}' is ${kindOf(model) === "embedding" ? "an embedding" : "a chat"} model, served by ${SERVED_BY[kindOf(model)]}`);
  return { kind: "direct", policy: keyPolicy(key, config), model, replaced };
}
