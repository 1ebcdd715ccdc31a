// A byte cap for route handlers that read a whole request body themselves (next-auth reads its
// form posts with formData(), unbounded): the body is read up to the cap and handed on as a
// fresh request, or refused with 413 once the cap is passed (by the declared length, or as
// the body streams in).
import { NextRequest } from "next/server";

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

const tooLarge = (maxBytes: number) => Response.json({ error: `Request body exceeds ${maxBytes} bytes` }, { status: 413 });

export function limitRequestBody<Context>(
  handler: (request: NextRequest, context: Context) => Promise<Response>,
  maxBytes: number,
): (request: NextRequest, context: Context) => Promise<Response> {
  return async (request, context) => {
    if (!request.body) return handler(request, context);
    if (Number(request.headers.get("content-length")) > maxBytes) return tooLarge(maxBytes);
    const bytes = await readCapped(request.body, maxBytes);
    if (!bytes) return tooLarge(maxBytes);
    return handler(new NextRequest(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(bytes) }), context);
  };
}
