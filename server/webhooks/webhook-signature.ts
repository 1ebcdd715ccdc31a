// Receivers check that a delivery comes from us and is recent: an HMAC-SHA256 over the
// timestamp and the exact body, keyed with the endpoint's secret (docs/WEBHOOKS.md shows how).
import { createHmac, randomBytes } from "node:crypto";

export const SIGNATURE_HEADER = "x-switchyard-signature";
export const SECRET_PREFIX = "whsec_";

/** A new signing secret: 32 random bytes, base64url, with a prefix that says what it is. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** `t=<unix seconds>,v1=<hex>`: the MAC covers "<t>.<body>", so a replayed body with a new timestamp fails. */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  const mac = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${mac}`;
}
