// Reads a request body with a size cap, so an oversized upload is refused with 413 before it
// is buffered whole, and parses it as JSON (400 when it is not).
import { badRequest, tooLarge } from "./gateway-error";

export const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * A body the server entry point already read from the socket (the lean gateway does, which
 * spares a web stream per request), carried on the Request under this symbol.
 */
export const PRELOADED_BODY = Symbol.for("switchyard.preloadedBody");
export type PreloadedBody = { bytes: Buffer } | { tooLarge: true };

export function withPreloadedBody(request: Request, body: PreloadedBody): Request {
  (request as Request & { [PRELOADED_BODY]?: PreloadedBody })[PRELOADED_BODY] = body;
  return request;
}

function parseJson(text: string): unknown {
  if (!text.trim()) throw badRequest("Request body is empty; send a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON");
  }
}

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(`Request body exceeds ${maxBytes} bytes`);
  const preloaded = (request as Request & { [PRELOADED_BODY]?: PreloadedBody })[PRELOADED_BODY];
  if (preloaded) {
    if ("tooLarge" in preloaded || preloaded.bytes.length > maxBytes) throw tooLarge(`Request body exceeds ${maxBytes} bytes`);
    return parseJson(preloaded.bytes.toString("utf8"));
  }
  if (!request.body) throw badRequest("Request body is empty; send a JSON object");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(`Request body exceeds ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return parseJson(Buffer.concat(chunks).toString("utf8"));
}
