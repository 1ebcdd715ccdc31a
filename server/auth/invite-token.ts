// Invite links carry a random token; only its SHA-256 hash is stored, like gateway keys.
import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_MS = 7 * 86_400_000;

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function generateInviteToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, hash: hashInviteToken(token) };
}
