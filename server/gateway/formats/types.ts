import type { ChatRequest, ChatResponse, StreamEvent, Usage } from "@/server/providers/types";

/** Plain-text view of a request, all the routing engine needs to classify it. */
export type RoutingView = {
  system?: string;
  messages: Array<{ role: "user" | "assistant" | "tool"; content: string }>;
  tools?: Array<{ name: string; description?: string }>;
  /** Input tokens of what the classifier does not read: tool calls' arguments, tools' parameter schemas, the response schema. */
  toolingTokens?: number;
};

export type CanonicalInput = {
  /** What the caller asked for: "auto", a policy name or a model id. */
  model: string;
  request: ChatRequest;
  view: RoutingView;
};

export type ResponseMeta = {
  id: string;
  /** The model name to show the caller. */
  model: string;
  /** Unix seconds. */
  created: number;
  /** Prices the answer's usage (null = unpriced), shown as `usage.cost`; without it no cost is shown. */
  costOf?: (usage: Usage) => number | null;
};

export type StreamMeta = ResponseMeta & {
  /** OpenAI callers get a usage chunk only when they asked with stream_options.include_usage. */
  includeUsage?: boolean;
};

export type CallerError = { status: number; message: string };

/** Turns canonical events into the caller's SSE text; each method returns "" when nothing is due. */
export type StreamEncoder = {
  event(event: StreamEvent): string;
  /** The terminal marker after a successful stream. */
  end(): string;
  /** A failure after the stream started: written instead of `end()`, so the caller's SDK throws. */
  error(error: CallerError): string;
};

export type CallerFormat<Body> = {
  toCanonical(body: Body): CanonicalInput;
  fromCanonical(response: ChatResponse, meta: ResponseMeta): unknown;
  createStreamEncoder(meta: StreamMeta): StreamEncoder;
  /** `code`, when given, is the error's own code (formats without codes ignore it). */
  buildErrorBody(status: number, message: string, code?: string | null): unknown;
};
