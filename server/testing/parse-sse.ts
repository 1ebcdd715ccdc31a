// Decodes a whole SSE body into events, for tests that read what the gateway or a fake upstream sent.
import { createSSEDecoder } from "../providers/sse";
import type { SSEEvent } from "../providers/types";

export async function* parseSSE(body: AsyncIterable<Uint8Array>): AsyncGenerator<SSEEvent> {
  const decoder = createSSEDecoder();
  for await (const chunk of body) yield* decoder.pushBytes(chunk);
  yield* decoder.end();
}
