import http, { type IncomingHttpHeaders } from "node:http";
import { listenOnLoopback, recordRequest } from "./loopback-server";

/** Failure modes a fake upstream can inject, per request. */
export type Fault =
  | { type: "status"; status: number; retryAfter?: string; message?: string }
  /** Accept the connection, never send headers. */
  | { type: "hang" }
  /** Destroy the socket before any response. */
  | { type: "reset" }
  /** Send the first `afterEvents` SSE frames, then end cleanly ("end") or destroy the socket ("reset"). */
  | { type: "cut"; afterEvents: number; mode?: "end" | "reset" }
  /** Send the first `afterEvents` SSE frames, then go silent with the connection open. */
  | { type: "stall"; afterEvents: number }
  /** Send headers at once, the first body byte only after `delayMs`. */
  | { type: "slow-first-byte"; delayMs: number }
  /** Answer 200 with a body (JSON or SSE) that never ends, until the caller closes the connection. */
  | { type: "endless" };

export type RecordedRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, loosely typed so tests can assert on any field of any provider's body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Set when the connection closed before the answer was complete: the caller (the gateway) gave up on it. */
  closedEarly?: boolean;
};

/** Provider-neutral script of what the fake model answers; each dialect renders it. */
export type ScriptedReply = {
  text?: string;
  toolCalls?: Array<{ id?: string; name: string; arguments: Record<string, unknown> }>;
  finishReason?: "stop" | "length" | "tool_calls";
  /** cacheRead / cacheWrite: prompt-cache tokens on top of `input` (reported by the Anthropic dialect). */
  usage?: { input: number; output: number; cacheRead?: number; cacheWrite?: number };
  model?: string;
};

export type FakeUpstreamOptions = {
  reply?: ScriptedReply | ((req: RecordedRequest) => ScriptedReply);
  fault?: Fault | ((index: number, req: RecordedRequest) => Fault | undefined);
  /** When set, requests must present this key the provider's way, or get its 401 body. */
  apiKey?: string;
};

export type FakeUpstream = {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
};

export type Dialect = {
  presentedKey(req: RecordedRequest): string | undefined;
  errorBody(status: number, message: string): unknown;
  isStream(req: RecordedRequest): boolean;
  renderJson(reply: Required<ScriptedReply>, req: RecordedRequest): unknown;
  /** Complete SSE frames ("event: ...\ndata: ...\n\n"). */
  renderStream(reply: Required<ScriptedReply>, req: RecordedRequest): string[];
};

const DEFAULT_REPLY: Required<ScriptedReply> = {
  text: "Hello from the fake upstream.",
  toolCalls: [],
  finishReason: "stop",
  usage: { input: 12, output: 7 },
  model: "fake-model",
};

export function sseFrame(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

/** Splits text into a few pieces so streams carry several deltas. */
export function splitIntoPieces(text: string, pieces = 3): string[] {
  if (text === "") return [];
  const size = Math.ceil(text.length / pieces);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Writes `piece` for as long as the caller reads, without buffering past the socket's own limit. */
function writeForever(res: http.ServerResponse, piece: string) {
  const write = () => {
    while (!res.destroyed && res.write(piece));
    if (!res.destroyed) res.once("drain", write);
  };
  write();
}

async function writeStream(res: http.ServerResponse, frames: string[], fault: Fault | undefined) {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  if (fault?.type === "slow-first-byte") await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  // The first frame (the role) again and again: valid events, and no end.
  if (fault?.type === "endless") return writeForever(res, frames[0]!);
  const limit = fault?.type === "cut" || fault?.type === "stall" ? fault.afterEvents : frames.length;
  for (const frame of frames.slice(0, limit)) {
    if (res.destroyed) return;
    res.write(frame);
    await tick();
  }
  if (fault?.type === "stall") return;
  if (fault?.type === "cut" && fault.mode === "reset") res.socket?.destroy();
  else res.end();
}

async function handle(dialect: Dialect, options: FakeUpstreamOptions, requests: RecordedRequest[], req: http.IncomingMessage, res: http.ServerResponse) {
  const recorded = await recordRequest(req);
  res.once("close", () => {
    if (!res.writableFinished) recorded.closedEarly = true;
  });
  const index = requests.push(recorded) - 1;
  const fault = typeof options.fault === "function" ? options.fault(index, recorded) : options.fault;

  if (fault?.type === "hang") return;
  if (fault?.type === "reset") return void req.socket.destroy();
  if (options.apiKey !== undefined && dialect.presentedKey(recorded) !== options.apiKey) {
    res.writeHead(401, { "content-type": "application/json" });
    return void res.end(JSON.stringify(dialect.errorBody(401, "invalid api key")));
  }
  if (fault?.type === "status") {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
    res.writeHead(fault.status, headers);
    return void res.end(JSON.stringify(dialect.errorBody(fault.status, fault.message ?? `injected ${fault.status}`)));
  }
  const script = typeof options.reply === "function" ? options.reply(recorded) : options.reply;
  const reply = { ...DEFAULT_REPLY, ...script };
  if (dialect.isStream(recorded)) return writeStream(res, dialect.renderStream(reply, recorded), fault);
  res.writeHead(200, { "content-type": "application/json" });
  if (fault?.type === "endless") return writeForever(res, `{"padding":"${"x".repeat(16_000)}",`);
  if (fault?.type === "slow-first-byte") {
    res.flushHeaders();
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
  }
  res.end(JSON.stringify(dialect.renderJson(reply, recorded)));
}

export async function startFakeServer(dialect: Dialect, options: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    handle(dialect, options, requests, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(dialect.errorBody(500, String(error))));
    });
  });
  return listenOnLoopback(server, requests);
}
