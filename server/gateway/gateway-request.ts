// What the gateway handlers need from an HTTP exchange, small enough that the lean server
// (node-server.ts) supplies it from its node request and response without building web objects
// per request, and tests call the handlers directly.
import type { EventStreamBody } from "./formats/encode-event-stream";

/** Read-only header access by lower-case name; a web `Headers` object is one. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** The body as read and decoded from the client, or why it was refused unread (json-body-reader.ts). */
export type RequestBody = { text: string } | { tooLarge: true } | { tooComplex: string };

export interface GatewayRequest {
  readonly headers: HeaderSource;
  body(): Promise<RequestBody>;
  /** True once the client went away before its answer was complete. */
  readonly disconnected: boolean;
  /** Runs `listener` once, when the client goes away before its answer is complete. */
  onDisconnect(listener: () => void): void;
}

/** An answer: a whole body (serialised JSON) or a server-sent event stream. */
export type GatewayResponse =
  | { status: number; headers: Record<string, string>; body: string }
  | { status: number; headers: Record<string, string>; stream: EventStreamBody };

export type GatewayHandler = (request: GatewayRequest) => Promise<GatewayResponse>;

/** What `Response.json` would send, serialised once. */
export function jsonResponse(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): GatewayResponse {
  return { status: init.status ?? 200, headers: { "content-type": "application/json", ...init.headers }, body: JSON.stringify(data) };
}
