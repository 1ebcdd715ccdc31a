// Request ids that prove which tenant they were issued to: "req_", 24 random hex digits, then 16
// hex digits of an HMAC over them and the tenant id, under a key derived from the master key.
// Any gateway process of a deployment can then tell, without the database, whether an id was
// issued to a tenant: feedback sent before the request's log row is written (rows are written
// in batches) is accepted for its own tenant, and another tenant's id is refused alike.
import { createHmac, hkdfSync, randomUUID, timingSafeEqual } from "node:crypto";
import { masterKey } from "../crypto/secret-box";

const SIGNED_ID = /^req_([0-9a-f]{24})([0-9a-f]{16})$/;
/** Every id this gateway has issued, signed or not; anything else is no request of anyone's. */
const ANY_ID = /^req_[0-9a-z_]{1,96}$/i;

let signingKey: Buffer | null = null;

/** Derived, so that the master key itself signs nothing. */
function key(): Buffer {
  signingKey ??= Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), "switchyard request ids", 32));
  return signingKey;
}

const tag = (random: string, tenantId: string) => createHmac("sha256", key()).update(`${random}:${tenantId}`).digest("hex").slice(0, 16);

/** The id of a request whose key identified its tenant. */
export function issueRequestId(tenantId: string): string {
  // 24 hex digits (92 random bits) of a UUID: randomUUID draws from a cached entropy pool,
  // randomBytes makes a system call per request.
  const random = randomUUID().replaceAll("-", "").slice(8);
  return `req_${random}${tag(random, tenantId)}`;
}

/** The id of a request that belongs to no tenant (no valid key): it carries no proof. */
export function anonymousRequestId(): string {
  return `req_${randomUUID().replaceAll("-", "")}`;
}

/** Whether this gateway issued the id to this tenant (false for ids of other formats). */
export function wasIssuedTo(requestId: string, tenantId: string): boolean {
  const match = SIGNED_ID.exec(requestId);
  return match !== null && timingSafeEqual(Buffer.from(match[2]!), Buffer.from(tag(match[1]!, tenantId)));
}

/** Whether the text could be an id of this gateway's at all (worth looking up). */
export function looksLikeRequestId(text: string): boolean {
  return ANY_ID.test(text);
}
