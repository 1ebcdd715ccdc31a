// Gateway keys: "sy_" + 40 random base62-ish characters. Only the SHA-256 hash and a short
// visible prefix are stored; the full secret is shown once, at creation.
import { hash, randomBytes } from "node:crypto";

const KEY_PREFIX = "sy_";
const VISIBLE_CHARS = 8;

export interface IssuedKeySecret {
  secret: string;
  prefix: string;
  hash: string;
}

/** Runs on every gateway request: the one-shot hash skips the Hash object createHash builds. */
export function hashApiKey(secret: string): string {
  return hash("sha256", secret, "hex");
}

export function generateApiKeySecret(): IssuedKeySecret {
  const body = randomBytes(30).toString("base64url");
  const secret = `${KEY_PREFIX}${body}`;
  return { secret, prefix: secret.slice(0, KEY_PREFIX.length + VISIBLE_CHARS), hash: hashApiKey(secret) };
}

/** Exactly the shape generateApiKeySecret gives: anything else is no key of ours, whatever the database holds. */
const WELL_FORMED_KEY = /^sy_[A-Za-z0-9_-]{40}$/;
export function isWellFormedApiKey(value: string): boolean {
  return WELL_FORMED_KEY.test(value);
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(KEY_PREFIX) && value.length > KEY_PREFIX.length + VISIBLE_CHARS;
}
