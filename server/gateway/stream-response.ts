// Streams canonical events to the caller in its own SSE format. A failure after the first
// byte ends the stream with the format's error event (never a quiet, truncated success);
// a caller that disconnects aborts the upstream call. An upstream that ends without
// reporting usage gets an estimated usage event, so callers and the usage record see tokens.
import type { AbortScope } from "../providers/abort-scope";
import type { ChatRequest, StreamEvent, Usage } from "../providers/types";
import { UpstreamError } from "../providers/upstream-error";
import { warnUpstreamDetail } from "../observability/warn-upstream-detail";
import { AnswerTracker, type SeenAnswer } from "../learning/observe-answer";
import { encodeEventStream, type StreamObserver } from "./formats/encode-event-stream";
import type { CallerError, StreamEncoder } from "./formats/types";
import { estimateUsage } from "./estimate-usage";
import type { GatewayResponse } from "./gateway-request";

export interface StreamOutcome {
  usage: Usage | null;
  ttftMs: number | null;
  status: number;
  errorClass: string | null;
  /** What the stream's answer looked like, for its implicit signals. */
  answer: SeenAnswer;
  /** The answer's text and tool calls as streamed (what usage is estimated from without a report). */
  output: string;
}

export interface StreamInit {
  request: ChatRequest;
  headers: Record<string, string>;
  startedAt: number;
  abort: AbortScope;
  onDone: (outcome: StreamOutcome) => void;
}

export function streamResponse(events: AsyncIterable<StreamEvent>, encoder: StreamEncoder, init: StreamInit): GatewayResponse {
  const outcome: Omit<StreamOutcome, "answer" | "output"> = { usage: null, ttftMs: null, status: 200, errorClass: null };
  const answer = new AnswerTracker();
  let finished = false;
  const finish = (status: number, errorClass: string | null) => {
    if (finished) return;
    finished = true;
    init.onDone({ ...outcome, status, errorClass, answer: answer.answer(), output });
  };

  let output = "";
  const observer: StreamObserver = {
    event(event) {
      answer.observe(event);
      if (event.type === "usage") outcome.usage = event.usage;
      if (event.type === "text") output += event.text;
      if (event.type === "tool_call_start") output += event.name;
      if (event.type === "tool_call_delta") output += event.argumentsDelta;
      if (outcome.ttftMs === null && (event.type === "text" || event.type === "tool_call_start")) {
        outcome.ttftMs = Math.round(performance.now() - init.startedAt);
      }
    },
    end() {
      const estimated = outcome.usage ? null : (outcome.usage = estimateUsage(init.request, output));
      finish(200, null);
      return estimated && { type: "usage", usage: estimated };
    },
  };

  const toCallerError = (error: unknown): CallerError => {
    const upstream = error instanceof UpstreamError ? error : null;
    finish(502, upstream?.kind ?? "stream_error");
    // An UpstreamError's message is ours; any other error's text is internal and stays in the logs.
    if (!upstream) console.error(`[gateway] ${init.headers["x-switchyard-request-id"] ?? ""} stream failed:`, error);
    else warnUpstreamDetail(`[gateway] ${init.headers["x-switchyard-request-id"] ?? ""}`, upstream);
    const reason = upstream?.message ?? "internal error";
    return { status: 502, message: `The upstream stream failed after it started: ${reason}` };
  };
  const onCancel = () => {
    // Abort first: the upstream read may be pending and would otherwise hold the cancel.
    init.abort.abort(new Error("client disconnected"));
    finish(499, "client_disconnected");
  };

  const headers = { ...init.headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache", connection: "keep-alive" };
  return { status: 200, headers, stream: encodeEventStream(events, encoder, toCallerError, { onCancel, observer }) };
}
