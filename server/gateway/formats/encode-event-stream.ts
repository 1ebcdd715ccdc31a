import type { StreamEvent } from "@/server/providers/types";
import type { CallerError, StreamEncoder } from "./types";

/**
 * Pipes canonical events through a caller-format encoder into response bytes. A failure
 * mid-stream becomes the format's error event (never a clean end), so the client sees it.
 */
export function encodeEventStream(
  events: AsyncIterable<StreamEvent>,
  encoder: StreamEncoder,
  toCallerError: (error: unknown) => CallerError,
  /** Runs before the source is closed when the reader goes away, e.g. to abort the upstream. */
  onCancel?: () => void,
): ReadableStream<Uint8Array> {
  const utf8 = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    // Loops until it enqueues: a pull that enqueues nothing may never be called again.
    async pull(controller) {
      try {
        for (;;) {
          const next = await iterator.next();
          const text = next.done ? encoder.end() : encoder.event(next.value);
          if (text) controller.enqueue(utf8.encode(text));
          if (next.done) return controller.close();
          if (text) return;
        }
      } catch (error) {
        controller.enqueue(utf8.encode(encoder.error(toCallerError(error))));
        controller.close();
      }
    },
    async cancel() {
      onCancel?.();
      await iterator.return?.();
    },
  });
}
