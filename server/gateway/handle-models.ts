// GET /v1/models: what this key may ask for: "auto", the tenant's policies and the catalog's
// models in service. Answers in Anthropic's list shape when the caller is the Anthropic SDK.
import { getDb } from "../db/client";
import { identifyKey } from "./authenticate-key";
import { tenantConfig } from "./config-cache";
import { GatewayError } from "./gateway-error";
import { errorResponse } from "./gateway-response";
import { jsonResponse, type GatewayRequest, type GatewayResponse } from "./gateway-request";
import { callerFormatOf } from "./endpoints";
import { isDeprecated } from "./resolve-model";

interface Listed {
  id: string;
  displayName: string;
  ownedBy: string;
}

export async function handleModels(request: GatewayRequest): Promise<GatewayResponse> {
  const now = new Date();
  try {
    const db = getDb();
    const key = await identifyKey(db, request.headers, now);
    const config = await tenantConfig(db, key.tenantId);
    const listed: Listed[] = [
      { id: "auto", displayName: "Automatic routing (this key's policy)", ownedBy: "switchyard" },
      ...[...config.policiesByName.keys()].sort().map((name) => ({ id: `policy/${name}`, displayName: `Routing policy ${name}`, ownedBy: "switchyard" })),
      ...config.catalog.filter((m) => m.enabled && !isDeprecated(m, now)).map((m) => ({ id: m.id, displayName: m.displayName, ownedBy: m.provider })),
    ];
    const created = Math.floor(now.getTime() / 1000);
    if (request.headers.get("anthropic-version") !== null) {
      const data = listed.map((m) => ({ type: "model", id: m.id, display_name: m.displayName, created_at: now.toISOString() }));
      return jsonResponse({ data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    }
    return jsonResponse({ object: "list", data: listed.map((m) => ({ id: m.id, object: "model", created, owned_by: m.ownedBy })) });
  } catch (error) {
    if (error instanceof GatewayError) return errorResponse(callerFormatOf(request.headers), error, "");
    throw error;
  }
}
