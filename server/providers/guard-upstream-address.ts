// Keeps tenant-configured base URLs from turning the server against hosts on its own network
// (server-side request forgery). Checked twice: when a base URL is saved (check-upstream-base-url.ts,
// a clear message for the console) and here, on every connection, on the address actually
// connected to, so a name that resolves to a public address at save time and to an internal
// one later (DNS rebinding) still cannot reach it. Upstream calls never follow redirects
// (upstream-http.ts passes a 3xx back as an error), so there is no later hop to check.
import dns from "node:dns";
import type http from "node:http";
import { isIP, Socket, type LookupFunction } from "node:net";
import { env } from "../env";
import type { AddressClass } from "./classify-address";
import { normaliseHost, refusedAddressClass, type UpstreamAllowList } from "./upstream-allow-list";

export type Refusal = Exclude<AddressClass, "public"> | "invalid";

export const DESCRIPTIONS: Record<Refusal, string> = {
  unspecified: "an unspecified address",
  loopback: "a loopback address",
  private: "a private-network address",
  shared: "a carrier-grade NAT address",
  "link-local": "a link-local address (where cloud metadata services live)",
  "unique-local": "a unique-local IPv6 address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  reserved: "a reserved, non-public address",
  invalid: "an unrecognised address",
};

export const ONLY_PUBLIC = "upstream calls only reach public addresses unless the server's operator allows this host";

/** A connection refused by the guard. Its message is ours and safe to show; the address is not in it. */
export class UpstreamAddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly refusal: Refusal,
  ) {
    super(`the base URL's host is ${DESCRIPTIONS[refusal]}; ${ONLY_PUBLIC}`);
    this.name = "UpstreamAddressRefused";
  }

  /** For server logs only. */
  get detail(): string {
    return `${this.host} -> ${this.address} (${this.refusal})`;
  }
}

type Resolve = (host: string, options: dns.LookupAllOptions, callback: (error: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

/**
 * A `lookup` for sockets: resolves every address of the name and refuses the connection when
 * any of them is not allowed (rather than picking a good one, which a rebinding name could
 * alternate with a bad one).
 */
export function guardedLookup(list: UpstreamAllowList, resolve: Resolve = dns.lookup): LookupFunction {
  return (host, options, callback) => {
    resolve(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      for (const { address } of addresses) {
        const refusal = refusedAddressClass(list, host, address);
        if (refusal) return callback(new UpstreamAddressRefused(host, address, refusal), "");
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" }), "");
      callback(null, first.address, first.family);
    });
  };
}

/**
 * An agent whose every new connection is checked: host names through `guardedLookup`, and
 * literal addresses (which Node connects to without calling `lookup`) before connecting.
 */
export function guardAgent<A extends http.Agent>(
  create: (options: http.AgentOptions) => A,
  options: http.AgentOptions,
  list: UpstreamAllowList = env.SWITCHYARD_ALLOWED_UPSTREAM_HOSTS,
  resolve?: Resolve,
): A {
  const agent = create({ ...options, lookup: guardedLookup(list, resolve) });
  const connect = agent.createConnection.bind(agent);
  agent.createConnection = (connectOptions, callback) => {
    const host = normaliseHost(connectOptions.host ?? connectOptions.hostname ?? "");
    const refusal = isIP(host) ? refusedAddressClass(list, host, host) : null;
    if (!refusal) return connect(connectOptions, callback);
    // Fails the way a refused TCP connection does: the socket errors before any byte is sent.
    const socket = new Socket();
    process.nextTick(() => socket.destroy(new UpstreamAddressRefused(host, host, refusal)));
    return socket;
  };
  return agent;
}
