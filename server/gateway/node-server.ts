// A lean HTTP server that serves the very same gateway handlers as the Next.js routes under
// app/v1, without Next's per-request machinery (`npm run gateway`).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { handleChatCompletions, handleMessages } from "./endpoints";
import { handleModels } from "./handle-models";
import { handleRoutePreview } from "./handle-route-preview";
import { handleFeedback } from "./handle-feedback";

type Handler = (request: Request) => Promise<Response>;

export const GATEWAY_ROUTES: Record<string, Handler> = {
  "POST /v1/chat/completions": handleChatCompletions,
  "POST /v1/messages": handleMessages,
  "GET /v1/models": handleModels,
  "POST /v1/route": handleRoutePreview,
  "POST /v1/feedback": handleFeedback,
};

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    signal,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
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
    handler(toRequest(req, abort.signal))
      .then((response) => writeResponse(response, res))
      .catch((error) => {
        console.error("[gateway]", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end();
      });
  });
}
