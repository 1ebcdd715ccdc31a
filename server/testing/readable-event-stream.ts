// A response's event stream as a web stream, for tests that hand it to the SDKs through a
// fetch of their own.
import type { EventStreamBody } from "../gateway/formats/encode-event-stream";

export function toReadableStream(body: EventStreamBody): ReadableStream<Uint8Array> {
  const utf8 = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const text = await body.read();
      if (text === null) controller.close();
      else controller.enqueue(utf8.encode(text));
    },
    cancel: () => body.cancel(),
  });
}
