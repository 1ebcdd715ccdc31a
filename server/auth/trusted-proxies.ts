// Which proxies in front of the console may report the client's address (X-Forwarded-For).
// None by default: the address the request arrived from is the client's, and a forwarded
// header is the client's own words. Set by SWITCHYARD_TRUSTED_PROXIES (server/env.ts).
import { parseCidr, type Cidr } from "../providers/classify-address";
import type { ParsedSetting } from "../parsed-setting";

/**
 * `hops`: every request passes through exactly this many proxies, each appending the address
 * it saw. `ranges`: any hop whose address falls in one of these ranges is a trusted proxy.
 */
export type TrustedProxies = { hops: number } | { ranges: readonly Cidr[] };

export const NO_TRUSTED_PROXY: TrustedProxies = { hops: 0 };

/** Parses "" (none), a hop count ("1") or a comma-separated list of addresses and CIDR ranges ("10.0.0.0/8,::1"). */
export function parseTrustedProxies(raw: string): ParsedSetting<TrustedProxies> {
  const text = raw.trim();
  if (text === "") return { ok: true, value: NO_TRUSTED_PROXY };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { ok: true, value: { hops } } : { ok: false, reason: "at most 10 proxy hops" };
  }
  const ranges: Cidr[] = [];
  for (const entry of text.split(",").map((e) => e.trim()).filter(Boolean)) {
    const range = parseCidr(entry);
    if (!range) return { ok: false, reason: `"${entry}" is neither a hop count, an address nor a CIDR range` };
    ranges.push(range);
  }
  return { ok: true, value: { ranges } };
}
