// Provider credentials are encrypted at rest with AES-256-GCM under a master key from the
// environment. The stored form is base64(iv || tag || ciphertext).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env";

const IV_BYTES = 12;
const TAG_BYTES = 16;

// Development and tests may run without a master key; a fixed, public key makes that explicit
// rather than silently random (which would make stored secrets unreadable after a restart).
const DEVELOPMENT_KEY = createHash("sha256").update("switchyard-development-only-master-key").digest();

export function masterKey(): Buffer {
  if (env.SWITCHYARD_MASTER_KEY) return Buffer.from(env.SWITCHYARD_MASTER_KEY, "base64");
  if (env.NODE_ENV === "production") {
    throw new Error("SWITCHYARD_MASTER_KEY is required in production (32 random bytes, base64)");
  }
  return DEVELOPMENT_KEY;
}

export function encryptSecret(plaintext: string, key: Buffer = masterKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64");
}

export function decryptSecret(stored: string, key: Buffer = masterKey()): string {
  const raw = Buffer.from(stored, "base64");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Encrypted secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** Last four characters, the only part of a secret the console ever shows. */
export function secretHint(secret: string): string {
  return secret.length <= 4 ? "****" : secret.slice(-4);
}
