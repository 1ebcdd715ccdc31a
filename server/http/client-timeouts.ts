// Deadlines for what a client sends. Node's defaults let a request's headers take 60 s and its
// body 300 s, checked every 30 s: a client that trickles a byte now and then holds a socket and
// its half-read body for minutes, and a few thousand such clients hold the process's memory and
// file descriptors. Every server that answers callers (the `npm start` server, `npm run gateway`)
// is created with these options.
import type { ServerOptions } from "node:http";

/** What a slow client gets for its headers, at most (the request's whole deadline when shorter). */
const HEADERS_TIMEOUT_MS = 15_000;
/** Idle keep-alive sockets: longer than the 60 s idle timeout of common load balancers, so they close first. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** How often Node checks the deadlines: a deadline is enforced within this much of its time. */
const CHECK_INTERVAL_MS = 1_000;

export function clientTimeoutOptions(requestTimeoutMs: number): ServerOptions {
  const headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  return {
    requestTimeout: requestTimeoutMs,
    headersTimeout,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, Math.floor(headersTimeout / 2)),
  };
}
