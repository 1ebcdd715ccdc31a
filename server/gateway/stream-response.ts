// Streams canonical events to the caller in its own SSE format. A failure after the first
// byte ends the stream with the format's error event (never a quiet, truncated success);
// a caller that disconnects aborts the upstream call.
import type { StreamEvent, Usage } from "../providers/types";
import { UpstreamError } from "../providers/upstream-error";
import type { StreamEncoder } from "./formats/types";

export interface StreamOutcome {
  usage: Usage | null;
  ttftMs: number | null;
  status: number;
  errorClass: string | null;
}

const encoder = new TextEncoder();

export function streamResponse(
  events: AsyncIterable<StreamEvent>,
  format: StreamEncoder,
  init: { headers: Headers; startedAt: number; abort: AbortController; onDone: (outcome: StreamOutcome) => void },
): Response {
  const iterator = events[Symbol.asyncIterator]();
  const outcome: StreamOutcome = { usage: null, ttftMs: null, status: 200, errorClass: null };
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    init.onDone(outcome);
  };

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          const end = format.end();
          if (end) controller.enqueue(encoder.encode(end));
          controller.close();
          finish();
          return;
        }
        const event = next.value;
        if (event.type === "usage") outcome.usage = event.usage;
        if (outcome.ttftMs === null && (event.type === "text" || event.type === "tool_call_start")) {
          outcome.ttftMs = Math.round(performance.now() - init.startedAt);
        }
        const text = format.event(event);
        if (text) controller.enqueue(encoder.encode(text));
      } catch (error) {
        const upstream = error instanceof UpstreamError ? error : null;
        outcome.status = 502;
        outcome.errorClass = upstream?.kind ?? "stream_error";
        const message = `The upstream stream failed after it started: ${upstream?.message ?? (error instanceof Error ? error.message : "unknown error")}`;
        controller.enqueue(encoder.encode(format.error({ status: 502, message })));
        controller.close();
        finish();
      }
    },
    async cancel() {
      outcome.status = 499;
      outcome.errorClass = "client_disconnected";
      init.abort.abort(new Error("client disconnected"));
      await iterator.return?.().catch(() => {});
      finish();
    },
  });

  init.headers.set("content-type", "text/event-stream; charset=utf-8");
  init.headers.set("cache-control", "no-cache");
  init.headers.set("connection", "keep-alive");
  return new Response(body, { status: 200, headers: init.headers });
}
