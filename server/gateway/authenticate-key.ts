// Finds the caller's API key (Authorization: Bearer or x-api-key) through the key cache.
import type { PrismaClient } from "../db/generated/client";
import { keyStatus } from "../auth/key-status";
import { findKeyBySecret, type GatewayKey } from "./config-cache";
import { forbidden, unauthorized } from "./gateway-error";
import type { HeaderSource } from "./gateway-request";

export const GATEWAY_SCOPE = "gateway";

export function presentedKey(headers: HeaderSource): string | null {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  return bearer || headers.get("x-api-key")?.trim() || null;
}

/** A live key of some tenant (401 otherwise), whatever its scopes. */
export async function identifyKey(db: PrismaClient, headers: HeaderSource, now: Date): Promise<GatewayKey> {
  const secret = presentedKey(headers);
  if (!secret) throw unauthorized("Missing API key: send it as 'Authorization: Bearer <key>' or 'x-api-key: <key>'");
  const key = await findKeyBySecret(db, secret, now.getTime());
  if (!key) throw unauthorized("Invalid API key");
  const status = keyStatus(key, now);
  if (status === "revoked") throw unauthorized("This API key has been revoked");
  if (status === "expired") throw unauthorized("This API key has expired");
  return key;
}

/** The key must carry one of the scopes; "gateway" (full use) implies the narrower ones. */
export function requireScope(key: GatewayKey, scope: string = GATEWAY_SCOPE): GatewayKey {
  if (!key.scopes.includes(scope) && !key.scopes.includes(GATEWAY_SCOPE)) {
    throw forbidden(`This API key lacks the '${scope}' scope`);
  }
  return key;
}

export async function authenticateKey(db: PrismaClient, headers: HeaderSource, now: Date, scope: string = GATEWAY_SCOPE): Promise<GatewayKey> {
  return requireScope(await identifyKey(db, headers, now), scope);
}
