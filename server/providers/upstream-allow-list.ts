// The operator's exceptions to "public addresses only" for upstream calls: host names and
// address ranges of self-hosted model servers on a private network. Empty by default.
import { addressBytes, canonicalBytes, classifyBytes, inCidr, parseCidr, type AddressClass, type Cidr } from "./classify-address";
import type { ParsedSetting } from "../parsed-setting";

export interface UpstreamAllowList {
  /** Lower-case host names without a trailing dot; a listed name may resolve to any address. */
  hosts: ReadonlySet<string>;
  /** Address ranges; a single address is a /32 or /128. */
  ranges: readonly Cidr[];
}

export const EMPTY_ALLOW_LIST: UpstreamAllowList = { hosts: new Set(), ranges: [] };

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

const NUMERIC_LABEL = /(^|\.)(\d+|0x[0-9a-f]*)$/;

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1").replace(/\.$/, "");
}

/** Parses a comma-separated list of host names, addresses and CIDR ranges ("models.internal,10.0.0.0/8"). */
export function parseUpstreamAllowList(raw: string): ParsedSetting<UpstreamAllowList> {
  const hosts = new Set<string>();
  const ranges: Cidr[] = [];
  for (const entry of raw.split(",").map(normaliseHost).filter(Boolean)) {
    const range = parseCidr(entry);
    if (range) ranges.push(range);
    else if (entry.includes("/")) return { ok: false, reason: `"${entry}" is not a valid address range` };
    // A numeric last label makes URL parsers read the whole name as an IPv4 address ("10.1" is 10.0.0.1).
    else if (HOST_NAME.test(entry) && !NUMERIC_LABEL.test(entry)) hosts.add(entry);
    else return { ok: false, reason: `"${entry}" is neither a host name, an address nor a CIDR range` };
  }
  return { ok: true, value: { hosts, ranges } };
}

/**
 * Why an upstream call to `address` (reached through `host`) is refused, or null when it may
 * go: a public address, a host name the operator listed, or an address in a listed range.
 */
export function refusedAddressClass(list: UpstreamAllowList, host: string, address: string): Exclude<AddressClass, "public"> | "invalid" | null {
  if (list.hosts.has(normaliseHost(host))) return null;
  const bytes = addressBytes(address);
  if (!bytes) return "invalid";
  const kind = classifyBytes(bytes);
  if (kind === "public") return null;
  const canonical = canonicalBytes(bytes);
  return list.ranges.some((range) => inCidr(canonical, range) || inCidr(bytes, range)) ? null : kind;
}
