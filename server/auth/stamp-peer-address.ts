// Next's server hands route handlers a Web Request without its socket, and the
// X-Forwarded-For it adds is kept as the client sent it when the client sent one, so neither
// says where a request really came from. This process therefore stamps every incoming request,
// before Next sees it, with the socket's peer address in a header of its own, signed with a
// secret made at start-up: the stamp overwrites whatever a client sent in that header, and a
// request that arrived before stamping began carries no stamp a client could have forged.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import https from "node:https";

export const PEER_HEADER = "x-switchyard-peer";

// On globalThis: the instrumentation hook and the route handlers are bundled apart, one process.
const holder = globalThis as unknown as { __switchyardPeerSecret?: Buffer; __switchyardPeerStamping?: boolean };
const secret = () => (holder.__switchyardPeerSecret ??= randomBytes(16));

/** The stamp header's value for a request from `address`. */
export function peerStamp(address: string): string {
  return `${secret().toString("hex")} ${address}`;
}

/** The peer address in a stamp this process made, or null for a missing or forged one. */
export function peerAddressOf(stamp: string | null | undefined): string | null {
  const space = stamp?.indexOf(" ") ?? -1;
  if (!stamp || space < 0) return null;
  const presented = Buffer.from(stamp.slice(0, space), "hex");
  const expected = secret();
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  return stamp.slice(space + 1) || null;
}

/** Stamps every request any HTTP(S) server of this process receives from now on; idempotent. */
export function stampPeerAddresses(): void {
  if (holder.__switchyardPeerStamping) return;
  holder.__switchyardPeerStamping = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit;
    Server.prototype.emit = function stampingEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_HEADER] = peerStamp(request.socket.remoteAddress ?? "");
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
}
