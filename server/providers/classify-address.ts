// What kind of IP address an upstream call would reach. Provider base URLs come from tenants,
// so only public unicast addresses are reachable by default: everything else (loopback,
// private networks, link-local and cloud metadata, multicast...) is inside the operator's
// network or not a real destination. Pure: no DNS, no environment.
import { isIP } from "node:net";

export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "unique-local"
  | "multicast"
  | "broadcast"
  | "reserved";

/** An address as its bytes (4 for IPv4, 16 for IPv6) and a prefix length. */
export interface Cidr {
  bytes: readonly number[];
  bits: number;
}

function ipv4Bytes(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function ipv6Bytes(text: string): number[] | null {
  let groupsText = text;
  let tail: number[] = [];
  // A dotted IPv4 tail (::ffff:127.0.0.1) stands for the last two groups.
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Bytes(dotted[2]!);
    if (!v4) return null;
    tail = v4;
    groupsText = dotted[1]!.endsWith("::") ? dotted[1]! : dotted[1]!.slice(0, -1);
  }
  const halves = groupsText.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (s: string) => (s === "" ? [] : s.split(":"));
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = (tail.length ? 6 : 8) - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null;
  return [...groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]), ...tail];
}

/** The bytes of an IP address (IPv6 in brackets or with a zone index too), or null for anything else. */
export function addressBytes(address: string): number[] | null {
  const plain = address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  const family = isIP(plain);
  if (family === 4) return ipv4Bytes(plain);
  if (family === 6) return ipv6Bytes(plain);
  return null;
}

/** Parses "10.0.0.0/8", "fc00::/7" or a single address (a /32 or /128); null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [address, bitsText, extra] = text.split("/");
  if (extra !== undefined || !address) return null;
  const bytes = addressBytes(address);
  if (!bytes) return null;
  if (bitsText === undefined) return { bytes, bits: bytes.length * 8 };
  if (!/^\d{1,3}$/.test(bitsText) || Number(bitsText) > bytes.length * 8) return null;
  return { bytes, bits: Number(bitsText) };
}

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (!parsed) throw new Error(`bad range ${text}`);
  return parsed;
}

/** Whether `bytes` (same family) falls inside `range`. */
export function inCidr(bytes: readonly number[], range: Cidr): boolean {
  if (bytes.length !== range.bytes.length) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const width = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (range.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

// IPv6 forms that carry an IPv4 address in their last 32 bits, judged as that address:
// IPv4-mapped (::ffff:127.0.0.1, how Node reports IPv4 peers on dual-stack sockets) and the
// well-known NAT64 prefix (64:ff9b::/96), which a NAT64 gateway translates to the IPv4 address.
const EMBEDDING_IPV4 = [cidr("::ffff:0:0/96"), cidr("64:ff9b::/96")];

/** IPv4-mapped and NAT64 addresses become the IPv4 address they stand for; others stay as they are. */
export function canonicalBytes(bytes: readonly number[]): readonly number[] {
  return EMBEDDING_IPV4.some((range) => inCidr(bytes, range)) ? bytes.slice(12) : bytes;
}

// Most specific first where ranges nest (0.0.0.0/32 inside 0.0.0.0/8, ::1 inside ::/96).
const NON_PUBLIC: Array<[Cidr, AddressClass]> = (
  [
    ["0.0.0.0/32", "unspecified"],
    ["0.0.0.0/8", "reserved"], // "this network"
    ["10.0.0.0/8", "private"],
    ["100.64.0.0/10", "shared"], // carrier-grade NAT
    ["127.0.0.0/8", "loopback"],
    ["169.254.0.0/16", "link-local"], // cloud metadata (169.254.169.254) lives here
    ["172.16.0.0/12", "private"],
    ["192.0.0.0/24", "reserved"], // IETF protocol assignments
    ["192.0.2.0/24", "reserved"], // documentation
    ["192.88.99.0/24", "reserved"], // 6to4 relays
    ["192.168.0.0/16", "private"],
    ["198.18.0.0/15", "reserved"], // benchmarking
    ["198.51.100.0/24", "reserved"], // documentation
    ["203.0.113.0/24", "reserved"], // documentation
    ["224.0.0.0/4", "multicast"],
    ["255.255.255.255/32", "broadcast"],
    ["240.0.0.0/4", "reserved"],
    ["::/128", "unspecified"],
    ["::1/128", "loopback"],
    ["::/96", "reserved"], // IPv4-compatible (deprecated)
    ["64:ff9b:1::/48", "reserved"], // local-use NAT64
    ["100::/64", "reserved"], // discard
    ["2001::/32", "reserved"], // Teredo
    ["2001:db8::/32", "reserved"], // documentation
    ["2002::/16", "reserved"], // 6to4
    ["fc00::/7", "unique-local"], // includes AWS's IPv6 metadata address fd00:ec2::254
    ["fe80::/10", "link-local"],
    ["fec0::/10", "private"], // site-local (deprecated)
    ["ff00::/8", "multicast"],
  ] as const
).map(([range, kind]) => [cidr(range), kind]);

/** The class of an address given as bytes; IPv4-mapped and NAT64 forms are judged by their IPv4 address. */
export function classifyBytes(bytes: readonly number[]): AddressClass {
  const canonical = canonicalBytes(bytes);
  return NON_PUBLIC.find(([range]) => inCidr(canonical, range))?.[1] ?? "public";
}

/** The class of an IP address as text; null when it is not an IP address. */
export function classifyAddress(address: string): AddressClass | null {
  const bytes = addressBytes(address);
  return bytes ? classifyBytes(bytes) : null;
}
