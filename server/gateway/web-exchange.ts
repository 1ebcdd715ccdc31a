// The gateway handlers behind the Next.js routes under app/v1: a web Request in, a web
// Response out.
import { toReadableStream } from "./formats/encode-event-stream";
import type { GatewayHandler, GatewayRequest, GatewayResponse, RequestBody } from "./gateway-request";
import { unservedRoute } from "./gateway-routes";
import { JsonBodyReader } from "./json-body-reader";
import { MAX_BODY_BYTES } from "./read-json-body";

async function readCapped(body: ReadableStream<Uint8Array> | null): Promise<RequestBody> {
  if (!body) return { text: "" };
  const reader = body.getReader();
  const json = new JsonBodyReader(MAX_BODY_BYTES);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!json.push(value)) {
      await reader.cancel();
      break;
    }
  }
  return json.finish();
}

export function fromWebRequest(request: Request): GatewayRequest {
  return {
    headers: request.headers,
    body: () => readCapped(request.body),
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
