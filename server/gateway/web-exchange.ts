// The gateway handlers behind the Next.js routes under app/v1: a web Request in, a web
// Response out.
import { toReadableStream } from "./formats/encode-event-stream";
import type { GatewayHandler, GatewayRequest, GatewayResponse } from "./gateway-request";
import { unservedRoute } from "./gateway-routes";
import { readJsonStream } from "./json-body-reader";
import { MAX_BODY_BYTES } from "./read-json-body";

export function fromWebRequest(request: Request): GatewayRequest {
  return {
    headers: request.headers,
    body: () => readJsonStream(request.body, MAX_BODY_BYTES),
    get disconnected() {
      return request.signal.aborted;
    },
    onDisconnect: (listener) => request.signal.addEventListener("abort", listener, { once: true }),
  };
}

export function toWebResponse(response: GatewayResponse): Response {
  const body = "stream" in response ? toReadableStream(response.stream) : response.body;
  return new Response(body, { status: response.status, headers: response.headers });
}

/** A Next.js route handler serving `handler`. */
export function routeHandler(handler: GatewayHandler): (request: Request) => Promise<Response> {
  return async (request) => toWebResponse(await handler(fromWebRequest(request)));
}

/** Route-file export for the methods (and, in the /v1 catch-all, the paths) the gateway does not serve. */
export async function unserved(request: Request): Promise<Response> {
  return toWebResponse(unservedRoute(request.method, new URL(request.url).pathname, request.headers));
}
