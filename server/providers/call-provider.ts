import type { AbortLike } from "./abort-scope";
import { createDeadline, withTimeouts, type CallTimeouts, type Deadline } from "./deadline";
import { createSSEDecoder } from "./sse";
import {
  createStreamState,
  type ChatRequest,
  type ChatResponse,
  type ProviderAdapter,
  type ProviderTarget,
  type SSEEvent,
  type StreamEvent,
} from "./types";
import { UpstreamError } from "./upstream-error";
import { sendUpstreamRequest, type UpstreamResponse } from "./upstream-http";

export type { CallTimeouts } from "./deadline";

export type CallProviderOptions = {
  /** Abort when the client goes away; its reason is rethrown as is. */
  signal?: AbortLike;
  timeouts?: CallTimeouts;
  /** The most of the answer read, decompressed (a whole body, or a whole stream); past it the call fails. */
  maxAnswerBytes?: number;
};

type StreamTarget = ProviderTarget & { stream: true };
type JsonTarget = ProviderTarget & { stream: false };

/** Errors thrown by shared adapter code name the adapter they were shared from. */
function withProvider(error: unknown, provider: string): unknown {
  if (!(error instanceof UpstreamError) || error.provider === provider) return error;
  const { status, kind, message, retryAfterMs, detail } = error;
  return new UpstreamError({ status, kind, message, provider, retryAfterMs, detail, cause: error.cause });
}

/**
 * The provider's SSE body as canonical events, in one generator: the deadline, the SSE decoding
 * and the adapter's mapping all run on each upstream chunk as it comes, so an event costs one
 * async step, not one per layer. The clock stops while the caller consumes a chunk's events.
 */
async function* mapHttpStream(adapter: ProviderAdapter, body: AsyncIterable<Uint8Array>, deadline: Deadline, timeouts: CallTimeouts) {
  const state = createStreamState();
  const decoder = createSSEDecoder();
  function* eventsOf(sses: SSEEvent[]) {
    for (const sse of sses) {
      for (const event of adapter.mapStreamEvent(sse, state)) {
        if (event.type === "finish") state.sawFinish = true;
        if (event.type === "usage") state.sawUsage = true;
        yield event;
      }
    }
  }
  try {
    deadline.arm(timeouts.firstByteMs, "first byte");
    for await (const chunk of body) {
      deadline.disarm();
      yield* eventsOf(decoder.pushBytes(chunk));
      deadline.arm(timeouts.idleMs, "data");
    }
    deadline.disarm();
    yield* eventsOf(decoder.end());
  } catch (error) {
    throw withProvider(deadline.toFailure(error, "stream_broken"), adapter.id);
  } finally {
    deadline.dispose();
  }
  // A body that ends cleanly but early looks like success at the HTTP level; it is not.
  if (!state.terminated && !(state.sawFinish && state.sawUsage)) {
    throw new UpstreamError({
      status: 0,
      kind: "stream_broken",
      message: `${adapter.id}: stream ended before the provider's end marker`,
      provider: adapter.id,
    });
  }
}

async function* guardInProcessStream(adapter: ProviderAdapter, events: AsyncIterable<StreamEvent>, deadline: Deadline, timeouts: CallTimeouts) {
  try {
    yield* withTimeouts(events, deadline, timeouts);
  } catch (error) {
    throw withProvider(deadline.toFailure(error, "stream_broken"), adapter.id);
  } finally {
    deadline.dispose();
  }
}

/**
 * Resolves only once the first event arrived, so failures before any output (status
 * errors, timeouts, an immediate error event) can still fall back to another model. The
 * stream it gives hands that event back first and then reads `events` directly (no wrapping
 * generator, which would add an async step per event).
 */
async function primeStream(events: AsyncGenerator<StreamEvent>): Promise<AsyncIterable<StreamEvent>> {
  let primed: IteratorResult<StreamEvent> | null = await events.next();
  const iterator: AsyncIterator<StreamEvent> = {
    next() {
      if (!primed) return events.next();
      const first = primed;
      primed = null;
      return Promise.resolve(first);
    },
    return(value?: unknown) {
      primed = null;
      return events.return(value);
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

async function invokeInProcess(adapter: ProviderAdapter, invoke: NonNullable<ProviderAdapter["invoke"]>, req: ChatRequest, target: ProviderTarget, deadline: Deadline, timeouts: CallTimeouts) {
  if (!target.stream) deadline.arm(timeouts.firstByteMs, "response");
  try {
    const result = await invoke(req, target, { signal: deadline.signal });
    if (!(Symbol.asyncIterator in result)) return result;
    return primeStream(guardInProcessStream(adapter, result, deadline, timeouts));
  } catch (error) {
    deadline.dispose();
    throw withProvider(deadline.toFailure(error, "unknown"), adapter.id);
  } finally {
    if (!target.stream) deadline.dispose();
  }
}

async function readJson(adapter: ProviderAdapter, response: UpstreamResponse, deadline: Deadline, timeouts: CallTimeouts) {
  deadline.arm(timeouts.firstByteMs, "response body");
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw withProvider(deadline.toFailure(error, "connection"), adapter.id);
  } finally {
    deadline.dispose();
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UpstreamError({ status: response.status, kind: "unknown", message: `${adapter.id}: response is not JSON`, provider: adapter.id });
  }
  try {
    return adapter.parseResponse(json);
  } catch (error) {
    throw withProvider(error, adapter.id);
  }
}

export function callProvider(adapter: ProviderAdapter, req: ChatRequest, target: JsonTarget, options?: CallProviderOptions): Promise<ChatResponse>;
export function callProvider(adapter: ProviderAdapter, req: ChatRequest, target: StreamTarget, options?: CallProviderOptions): Promise<AsyncIterable<StreamEvent>>;
export function callProvider(adapter: ProviderAdapter, req: ChatRequest, target: ProviderTarget, options?: CallProviderOptions): Promise<ChatResponse | AsyncIterable<StreamEvent>>;
export async function callProvider(
  adapter: ProviderAdapter,
  req: ChatRequest,
  target: ProviderTarget,
  options: CallProviderOptions = {},
): Promise<ChatResponse | AsyncIterable<StreamEvent>> {
  const timeouts = options.timeouts ?? {};
  const deadline = createDeadline(adapter.id, options.signal, timeouts.totalMs);
  if (adapter.invoke) return invokeInProcess(adapter, adapter.invoke, req, target, deadline, timeouts);

  const { url, init } = adapter.buildRequest(req, target);
  deadline.arm(timeouts.connectMs, "response headers");
  let response: UpstreamResponse;
  try {
    // Always through upstream-http.ts, whose agents refuse non-public addresses.
    response = await sendUpstreamRequest(url, init, deadline.scope, options.maxAnswerBytes);
  } catch (error) {
    deadline.dispose();
    throw deadline.toFailure(error, "connection");
  }
  deadline.disarm();

  if (!response.ok) {
    const bodyText = await response.text().catch(() => "");
    deadline.dispose();
    throw adapter.mapError(response.status, bodyText, response.headers);
  }
  if (!target.stream) return readJson(adapter, response, deadline, timeouts);
  return primeStream(mapHttpStream(adapter, response.chunks(), deadline, timeouts));
}
