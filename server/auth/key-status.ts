// Whether a gateway key may be used at an instant: the gateway refuses a revoked or expired key
// with 401, and the console lists keys by the same rule.
export type KeyStatus = "active" | "revoked" | "expired";

export function keyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date): KeyStatus {
  if (key.revokedAt && key.revokedAt <= now) return "revoked";
  if (key.expiresAt && key.expiresAt <= now) return "expired";
  return "active";
}
