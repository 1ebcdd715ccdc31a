// The address a console request came from, for the per-client sign-in and sign-up limits.
// The truth is the socket's peer (stamped by stamp-peer-address.ts). X-Forwarded-For is read
// only as far as trusted proxies wrote it: the chain "client, proxy1, proxy2" + peer is walked
// from the right, and each hop that is a trusted proxy hands over to the address it reports.
// Whatever lies further left was written by the client and is never believed.
import { addressBytes, canonicalBytes, inCidr } from "../providers/classify-address";
import { PEER_HEADER, peerAddressOf } from "./stamp-peer-address";
import type { TrustedProxies } from "./trusted-proxies";

/** Shared by requests whose peer is not known (none can arrive through Next once stamping runs). */
export const UNKNOWN_CLIENT = "unknown";

export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

/** An address as canonical bytes: IPv4-mapped IPv6 as IPv4, ports and brackets dropped; null if not an address. */
function bytesOf(entry: string): readonly number[] | null {
  const text = entry.trim();
  const withoutPort = /^\d+\.\d+\.\d+\.\d+:\d+$/.test(text) ? text.slice(0, text.lastIndexOf(":")) : text.replace(/^\[(.*)\](:\d+)?$/, "$1");
  const bytes = addressBytes(withoutPort);
  return bytes && canonicalBytes(bytes);
}

function format(bytes: readonly number[]): string {
  if (bytes.length === 4) return bytes.join(".");
  const groups = Array.from({ length: 8 }, (_, i) => ((bytes[2 * i]! << 8) | bytes[2 * i + 1]!).toString(16));
  return new URL(`http://[${groups.join(":")}]/`).hostname.slice(1, -1); // the compressed form
}

function trusts(trusted: TrustedProxies, bytes: readonly number[]): boolean {
  return "ranges" in trusted && trusted.ranges.some((range) => inCidr(bytes, range));
}

/** The client's address given the peer's and the X-Forwarded-For header, as `trusted` allows. */
export function clientAddressFrom(peer: string, forwardedFor: string | null, trusted: TrustedProxies): string {
  const peerBytes = bytesOf(peer);
  if (!peerBytes) return UNKNOWN_CLIENT;
  const forwarded = forwardedFor ? forwardedFor.split(",").map(bytesOf) : [];
  const chain = [...forwarded, peerBytes];
  let i = chain.length - 1;
  if ("hops" in trusted) {
    i = Math.max(0, i - trusted.hops);
  } else {
    while (i > 0 && chain[i] && trusts(trusted, chain[i]!)) i--;
  }
  // A hop that is no address at all stands for nobody: the nearest address to its right does.
  while (!chain[i]) i++;
  return format(chain[i]!);
}

/** The client's address of a request whose headers passed through this process's stamping. */
export function clientAddressOf(headers: HeaderSource, trusted: TrustedProxies): string {
  const peer = peerAddressOf(header(headers, PEER_HEADER));
  return peer ? clientAddressFrom(peer, header(headers, "x-forwarded-for"), trusted) : UNKNOWN_CLIENT;
}

/**
 * What per-address limits count by: an IPv4 address, or an IPv6 address's /64 (one subscriber
 * usually holds a whole /64, so counting single IPv6 addresses would let one client rotate
 * through billions of them).
 */
export function addressBucket(address: string): string {
  const bytes = bytesOf(address);
  if (!bytes) return address;
  return bytes.length === 4 ? format(bytes) : `${format([...bytes.slice(0, 8), ...Array<number>(8).fill(0)])}/64`;
}
