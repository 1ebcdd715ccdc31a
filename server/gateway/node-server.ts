// A lean HTTP server that serves the very same gateway handlers as the Next.js routes under
// app/v1, without Next's per-request machinery (`npm run gateway`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { handleChatCompletions, handleMessages } from "./endpoints";
import { handleModels } from "./handle-models";
import { handleRoutePreview } from "./handle-route-preview";
import { handleFeedback } from "./handle-feedback";
import { MAX_BODY_BYTES, withPreloadedBody, type PreloadedBody } from "./read-json-body";

type Handler = (request: Request) => Promise<Response>;

export const GATEWAY_ROUTES: Record<string, Handler> = {
  "POST /v1/chat/completions": handleChatCompletions,
  "POST /v1/messages": handleMessages,
  "GET /v1/models": handleModels,
  "POST /v1/route": handleRoutePreview,
  "POST /v1/feedback": handleFeedback,
};

/**
 * Reads the request body from the socket (up to the handlers' size cap), so that the handlers
 * get it without a web stream in between; an oversized body is discarded and refused.
 */
function readBody(req: IncomingMessage): Promise<PreloadedBody> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return Promise.resolve({ tooLarge: true });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        // The rest is discarded as it arrives, so that the client can finish sending and
        // read the 413.
        req.off("data", onData).off("end", onEnd).resume();
        resolve({ tooLarge: true });
      } else chunks.push(chunk);
    };
    const onEnd = () => resolve({ bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method, headers, signal });
}

const isEventStream = (contentType: string | undefined) => contentType?.startsWith("text/event-stream") ?? false;

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers = Object.fromEntries(response.headers);
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  if (!isEventStream(headers["content-type"])) {
    // A whole (JSON) body goes out in one write, with its length, instead of chunk by chunk.
    const body = Buffer.from(await response.arrayBuffer());
    headers["content-length"] = String(body.length);
    res.writeHead(response.status, headers).end(body);
    return;
  }
  res.writeHead(response.status, headers);
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}

export function createGatewayServer(): Server {
  return createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
      return;
    }
    const handler = GATEWAY_ROUTES[`${req.method} ${path}`];
    if (!handler) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `No route for ${req.method} ${path}`, type: "invalid_request_error", param: null, code: "not_found" } }));
      return;
    }
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort(new Error("client disconnected"));
    });
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    (hasBody ? readBody(req) : Promise.resolve(null))
      .then((body) => {
        const request = toRequest(req, abort.signal);
        return handler(body ? withPreloadedBody(request, body) : request);
      })
      .then((response) => writeResponse(response, res))
      .catch((error) => {
        console.error("[gateway]", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end();
      });
  });
}
