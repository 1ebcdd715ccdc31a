// GET /v1/models and /v1/models/{id}: what this key may ask for: "auto", the tenant's policies
// and the catalog's models in service, in Anthropic's shapes when the caller is the Anthropic SDK.
import { getDb } from "../db/client";
import { identifyKey } from "./authenticate-key";
import { tenantConfig } from "./config-cache";
import { notFound } from "./gateway-error";
import { answerInFormat } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import { callerFormatOf } from "./endpoints";
import { isDeprecated } from "./resolve-model";
import { kindOf } from "../routing/model-kind";
import type { ModelKind } from "../routing/types";

interface Listed {
  id: string;
  displayName: string;
  ownedBy: string;
  /** What the id answers: chat (policies and chat models) or embeddings (POST /v1/embeddings). */
  kind: ModelKind;
}

/** The models this key may ask for, in the caller's shape (Anthropic's when it sent anthropic-version). */
async function listModels(request: GatewayRequest) {
  const now = new Date();
  const db = getDb();
  const key = await identifyKey(db, request.headers, now);
  const config = await tenantConfig(db, key.tenantId);
  const listed: Listed[] = [
    { id: "auto", displayName: "Automatic routing (this key's policy)", ownedBy: "switchyard", kind: "chat" },
    ...[...config.policiesByName.keys()].sort().map((name) => ({ id: `policy/${name}`, displayName: `Routing policy ${name}`, ownedBy: "switchyard", kind: "chat" as const })),
    ...config.catalog.filter((m) => m.enabled && !isDeprecated(m, now)).map((m) => ({ id: m.id, displayName: m.displayName, ownedBy: m.provider, kind: kindOf(m) })),
  ];
  const created = Math.floor(now.getTime() / 1000);
  return request.headers.get("anthropic-version") !== null
    ? listed.map((m) => ({ type: "model", id: m.id, display_name: m.displayName, created_at: now.toISOString(), kind: m.kind }))
    : listed.map((m) => ({ id: m.id, object: "model", created, owned_by: m.ownedBy, kind: m.kind }));
}

/** GET /v1/models */
export function handleModels(request: GatewayRequest): Promise<GatewayResponse> {
  return answerInFormat(callerFormatOf(request.headers), async () => {
    const data = await listModels(request);
    if (request.headers.get("anthropic-version") !== null) {
      return jsonResponse({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    }
    return jsonResponse({ object: "list", data });
  });
}

/** GET /v1/models/{id}: one entry of the list, or 404 for a model this key cannot ask for. */
export function handleModel(request: GatewayRequest, id: string): Promise<GatewayResponse> {
  return answerInFormat(callerFormatOf(request.headers), async () => {
    const model = (await listModels(request)).find((m) => m.id === id);
    if (!model) throw notFound(`The model '${id}' does not exist or is not available to this key`);
    return jsonResponse(model);
  });
}
