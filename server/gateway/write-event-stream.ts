import type { ServerResponse } from "node:http";
import type { EventStreamBody } from "./formats/encode-event-stream";

/**
 * Writes a response's event stream to the caller.
 *
 * Everything that one upstream read produced leaves in one `write` (one HTTP chunk, one
 * socket write): the texts read meanwhile are joined and written on `setImmediate`, which runs
 * only once the I/O that was ready has been handled and its microtasks have settled. An
 * upstream that sends its whole stream at once, end included, thus costs the caller a single
 * write, together with the end of the response; each socket write to a sleeping peer costs a
 * wake-up on top of the copy.
 *
 * A caller that stops reading (but keeps its connection) is waited for: once a write finds the
 * socket's buffer full, nothing more is read from the upstream until it drains or the connection
 * closes. Without that wait the whole answer, re-encoded (several times the upstream's bytes for
 * a stream of tool-call deltas), would pile up in this process's memory.
 */
export async function writeEventStream(stream: EventStreamBody, res: ServerResponse): Promise<void> {
  let pending = "";
  let scheduled = false;
  let drained: Promise<void> | null = null;
  const waitForDrain = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        res.off("drain", done);
        res.off("close", done);
        drained = null;
        resolve();
      };
      res.on("drain", done);
      res.on("close", done);
    });
  const flush = () => {
    scheduled = false;
    if (pending === "") return;
    if (!res.write(pending) && !res.destroyed) drained ??= waitForDrain();
    pending = "";
  };
  for (let text = await stream.read(); text !== null; text = await stream.read()) {
    pending += text;
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    if (drained) await drained;
  }
  const last = pending;
  pending = "";
  res.end(last);
}
