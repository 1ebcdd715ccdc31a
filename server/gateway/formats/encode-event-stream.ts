import type { StreamEvent } from "@/server/providers/types";
import type { CallerError, StreamEncoder } from "./types";

/**
 * A response's server-sent events, pulled as text: the lean server writes each piece to its
 * socket as is.
 */
export interface EventStreamBody {
  /** The next piece of the stream, or null once it ended. */
  read(): Promise<string | null>;
  /** The reader went away. */
  cancel(): Promise<void>;
}

/** Sees every event on its way to the encoder, and may add one last event when the source ends. */
export interface StreamObserver {
  event(event: StreamEvent): void;
  end(): StreamEvent | null;
}

export interface EncodeOptions {
  /** Runs before the source is closed when the reader goes away, e.g. to abort the upstream. */
  onCancel?: () => void;
  /** Watches the stream where it is encoded (a wrapping generator would add an async step per event). */
  observer?: StreamObserver;
}

/**
 * Pipes canonical events through a caller-format encoder into SSE text. A failure mid-stream
 * becomes the format's error event (never a clean end), so the client sees it.
 */
export function encodeEventStream(
  events: AsyncIterable<StreamEvent>,
  encoder: StreamEncoder,
  toCallerError: (error: unknown) => CallerError,
  { onCancel, observer }: EncodeOptions = {},
): EventStreamBody {
  const iterator = events[Symbol.asyncIterator]();
  let ended = false;
  return {
    // Loops until it has text: an event the format does not show (e.g. usage) yields none.
    async read() {
      if (ended) return null;
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            ended = true;
            const last = observer?.end();
            return (last ? encoder.event(last) : "") + encoder.end() || null;
          }
          observer?.event(next.value);
          const text = encoder.event(next.value);
          if (text) return text;
        }
      } catch (error) {
        ended = true;
        return encoder.error(toCallerError(error));
      }
    },
    // Like a web stream's cancel: nothing to do once the stream has ended.
    async cancel() {
      if (ended) return;
      ended = true;
      onCancel?.();
      await iterator.return?.();
    },
  };
}
