// Gateway keys: "sy_" + 40 random base62-ish characters. Only the SHA-256 hash and a short
// visible prefix are stored; the full secret is shown once, at creation.
import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "sy_";
const VISIBLE_CHARS = 8;

export interface IssuedKeySecret {
  secret: string;
  prefix: string;
  hash: string;
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateApiKeySecret(): IssuedKeySecret {
  const body = randomBytes(30).toString("base64url");
  const secret = `${KEY_PREFIX}${body}`;
  return { secret, prefix: secret.slice(0, KEY_PREFIX.length + VISIBLE_CHARS), hash: hashApiKey(secret) };
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length > KEY_PREFIX.length + VISIBLE_CHARS;
}
