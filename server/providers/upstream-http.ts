// The HTTP client for provider calls: node:http(s) over keep-alive agents, without fetch's
// per-request Request/Response objects and web streams. The body arrives as an async
// iterable of byte chunks (decompressed when the provider compressed it anyway). Redirects are
// never followed: a 3xx comes back like any other non-2xx answer.
import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import type { AbortLike } from "./abort-scope";
import { guardAgent } from "./guard-upstream-address";
import type { UpstreamRequest } from "./types";

export interface UpstreamResponse {
  status: number;
  ok: boolean;
  /** Built on first use (only error paths read them). */
  readonly headers: Headers;
  text(): Promise<string>;
  /** The body's chunks; ending the iteration early releases (closes) the connection. */
  chunks(): AsyncIterable<Uint8Array>;
}

/**
 * The most of one answer a call reads by default, decompressed: a whole JSON body, or a whole
 * stream. An upstream is not trusted to end: a tenant's custom base URL may point at any public
 * server, and a body that never ends (or a small compressed one that inflates to gigabytes)
 * would otherwise be held in this process's memory, every tenant's requests with it.
 */
export const DEFAULT_MAX_ANSWER_BYTES = 64 * 1024 * 1024;
/** What is kept of an error answer (non-2xx): its message, not a body of any size. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** The upstream's answer went past the call's byte limit; the connection was closed. */
export class UpstreamAnswerTooLarge extends Error {
  constructor(limit: number) {
    super(`the upstream's answer is larger than ${limit} bytes`);
  }
}

const AGENT_OPTIONS = { keepAlive: true, keepAliveMsecs: 1_000, maxFreeSockets: 256, scheduling: "lifo" } as const;
// Every connection they open is checked against non-public addresses (guard-upstream-address.ts).
const agents = {
  http: guardAgent((options) => new http.Agent(options), AGENT_OPTIONS),
  https: guardAgent((options) => new https.Agent(options), AGENT_OPTIONS),
};

interface Origin {
  module: typeof http | typeof https;
  agent: http.Agent;
  hostname: string;
  port: string;
  path: string;
}

// Provider URLs repeat (one per model and base URL), so their parsing is memoised.
const origins = new Map<string, Origin>();
function originOf(url: string): Origin {
  let origin = origins.get(url);
  if (!origin) {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new TypeError(`Unsupported protocol in ${url}`);
    const secure = u.protocol === "https:";
    origin = {
      module: secure ? https : http,
      agent: secure ? agents.https : agents.http,
      hostname: u.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: u.port,
      path: `${u.pathname}${u.search}`,
    };
    if (origins.size > 1_000) origins.clear();
    origins.set(url, origin);
  }
  return origin;
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = res.headers["content-encoding"]?.trim().toLowerCase();
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(zlib.createGunzip());
  if (encoding === "deflate") return res.pipe(zlib.createInflate());
  if (encoding === "br") return res.pipe(zlib.createBrotliDecompress());
  return res;
}

function toHeaders(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * The whole body, up to `limit` bytes; plain listeners, cheaper than a stream's async iterator for
 * one or two chunks. Past the limit `stop` closes the connection and the read fails, or, with
 * `keepPrefix`, ends with the first `limit` bytes.
 */
function readAll(body: Readable, limit: number, keepPrefix: boolean, stop: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let ended = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void parts.push(chunk);
      ended = true;
      body.off("data", onData);
      stop();
      if (!keepPrefix) return reject(new UpstreamAnswerTooLarge(limit));
      parts.push(chunk.subarray(0, chunk.length - (size - limit)));
      resolve(Buffer.concat(parts));
    };
    body.on("data", onData);
    body.once("end", () => {
      if (ended) return;
      ended = true;
      resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    });
    body.once("error", reject);
    // "close" follows "end" on every response; an Error (and its stack) only when it did not.
    body.once("close", () => {
      if (!ended) reject(new Error("Premature close"));
    });
  });
}

function fromIncoming(res: http.IncomingMessage, maxBytes: number): UpstreamResponse {
  const status = res.statusCode ?? 0;
  let headers: Headers | undefined;
  const body = decoded(res);
  if (body !== res) res.on("error", (error) => body.destroy(error));
  const ok = status >= 200 && status < 300;
  const stop = () => {
    body.destroy();
    res.destroy();
  };
  return {
    status,
    ok,
    get headers() {
      return (headers ??= toHeaders(res.headers));
    },
    // An error answer is read for its message only: its first bytes.
    text: () => readAll(body, ok ? maxBytes : MAX_ERROR_BODY_BYTES, !ok, stop).then((bytes) => bytes.toString("utf8")),
    async *chunks() {
      let size = 0;
      try {
        for await (const chunk of body) {
          size += (chunk as Uint8Array).length;
          if (size > maxBytes) throw new UpstreamAnswerTooLarge(maxBytes);
          yield chunk as Uint8Array;
        }
      } finally {
        if (!res.complete) res.destroy();
      }
    },
  };
}

/**
 * Sends one request; rejects on connection errors, or with the signal's reason when it aborts.
 * The answer's body is read up to `maxBytes` (decompressed).
 */
export function sendUpstreamRequest(url: string, init: UpstreamRequest["init"], signal: AbortLike, maxBytes: number = DEFAULT_MAX_ANSWER_BYTES): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const origin = originOf(url);
    const req = origin.module.request({
      agent: origin.agent,
      hostname: origin.hostname,
      port: origin.port,
      path: origin.path,
      method: init.method,
      headers: { ...init.headers, "content-length": Buffer.byteLength(init.body) },
    });
    // An abort ends the exchange whatever stage it is in, the body's reader included.
    const onAbort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error("The upstream call was aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    req.once("close", () => signal.removeEventListener("abort", onAbort));
    req.on("error", reject);
    req.once("response", (res) => resolve(fromIncoming(res, maxBytes)));
    // A string body leaves with the headers in one write, without a Buffer copy.
    req.end(init.body);
  });
}
