// The lean HTTP front of the gateway handlers, without Next's per-request machinery: the
// gateway alone (`npm run gateway`) and the /v1 paths of the `npm start` server, which hands
// every other path to the console's Next.js handler. It hands the handlers its node request as
// is (no web Request, Headers or body stream per request) and writes their answers straight to
// the node response.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import type { GatewayRequest, GatewayResponse, HeaderSource, RequestBody } from "./gateway-request";
import { env } from "../env";
import { checkHealth } from "../health/get-health";
import { clientTimeoutOptions } from "../http/client-timeouts";
import { findGatewayHandler } from "./gateway-routes";
import { JsonBodyReader } from "./json-body-reader";
import { MAX_BODY_BYTES } from "./read-json-body";
import { writeEventStream } from "./write-event-stream";

/**
 * Reads the request body from the socket (up to the handlers' size cap), decoding and measuring
 * each chunk as it arrives; a refused body is discarded as it arrives.
 */
function readBody(req: IncomingMessage): Promise<RequestBody> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve, reject) => {
    const json = new JsonBodyReader(MAX_BODY_BYTES);
    const onData = (chunk: Buffer) => {
      if (json.push(chunk)) return;
      // The rest is discarded as it arrives, so that the client can finish sending and read
      // the refusal.
      req.off("data", onData).off("end", onEnd).resume();
      resolve(json.finish());
    };
    const onEnd = () => resolve(json.finish());
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

/** Header look-up with the web `Headers` semantics (case-insensitive, repeats joined by ", "). */
function rawHeaderSource(raw: string[]): HeaderSource {
  return {
    get(name) {
      let value: string | null = null;
      for (let i = 0; i < raw.length; i += 2) {
        const field = raw[i]!;
        if (field.length !== name.length || field.toLowerCase() !== name) continue;
        value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]}`;
      }
      return value;
    },
  };
}

function toGatewayRequest(req: IncomingMessage, res: ServerResponse): GatewayRequest {
  let disconnected = false;
  const listeners: Array<() => void> = [];
  res.once("close", () => {
    if (res.writableFinished) return;
    disconnected = true;
    for (const listener of listeners) listener();
  });
  return {
    headers: rawHeaderSource(req.rawHeaders),
    body: () => readBody(req),
    get disconnected() {
      return disconnected;
    },
    onDisconnect: (listener) => void listeners.push(listener),
  };
}

function writeResponse(response: GatewayResponse, request: GatewayRequest, res: ServerResponse): void | Promise<void> {
  if ("body" in response) {
    // A whole (JSON) body goes out in one write, with its length.
    response.headers["content-length"] = String(Buffer.byteLength(response.body));
    res.writeHead(response.status, response.headers).end(response.body);
    return;
  }
  res.writeHead(response.status, response.headers);
  request.onDisconnect(() => void response.stream.cancel().catch(() => {}));
  return writeEventStream(response.stream, res);
}

/** Whether the lean handlers serve `path`: the gateway's /v1, the two health checks and /metrics. */
export function isGatewayPath(path: string): boolean {
  return path === "/v1" || path.startsWith("/v1/") || path === "/healthz" || path === "/api/health" || path === "/metrics";
}

/**
 * The lean server's request listener. With `fallback`, only the gateway's paths are served
 * here and every other request is handed to it (the console's Next.js handler in the `npm start`
 * server); without, every other path gets the gateway's JSON 404.
 */
export function gatewayListener(fallback?: RequestListener): RequestListener {
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (fallback && !isGatewayPath(path)) {
      fallback(req, res);
      return;
    }
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    // The console's health report (database, migrations, event-loop delay), as /api/health serves it.
    if (req.method === "GET" && path === "/api/health") {
      void checkHealth().then((health) => {
        res.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(health));
      });
      return;
    }
    const request = toGatewayRequest(req, res);
    findGatewayHandler(req.method ?? "GET", path)(request)
      .then((response) => writeResponse(response, request, res))
      .catch((error) => {
        console.error("[gateway]", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end();
      });
  };
}

export function createGatewayServer(): Server {
  return createServer(clientTimeoutOptions(env.SWITCHYARD_REQUEST_TIMEOUT_MS), gatewayListener());
}
