export type UpstreamErrorKind =
  | "rate_limited"
  | "server"
  | "timeout"
  | "connection"
  | "bad_request"
  | "auth"
  | "not_found"
  | "stream_broken"
  | "unknown";

const RETRYABLE_KINDS: ReadonlySet<UpstreamErrorKind> = new Set([
  "rate_limited",
  "server",
  "timeout",
  "connection",
]);

export class UpstreamError extends Error {
  readonly status: number;
  readonly kind: UpstreamErrorKind;
  readonly provider: string;
  readonly retryAfterMs?: number;

  constructor(init: {
    status: number;
    kind: UpstreamErrorKind;
    message: string;
    provider: string;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "UpstreamError";
    this.status = init.status;
    this.kind = init.kind;
    this.provider = init.provider;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  /** Worth another attempt: the upstream's trouble, never a fault in the caller's own request. */
  get retryable(): boolean {
    return RETRYABLE_KINDS.has(this.kind);
  }
}

export function kindFromStatus(status: number): UpstreamErrorKind {
  if (status === 429) return "rate_limited";
  if (status === 408) return "timeout";
  if (status === 401 || status === 403) return "auth";
  if (status === 404) return "not_found";
  if (status >= 500) return "server";
  if (status >= 400) return "bad_request";
  return "unknown";
}

/** Reads `retry-after-ms` (OpenAI, Anthropic) or `retry-after` as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.has("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers.get("retry-after");
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Shared by all HTTP adapters; each only knows where its provider puts the message. */
export function errorFromResponse(
  provider: string,
  status: number,
  message: string,
  headers: Headers,
): UpstreamError {
  return new UpstreamError({
    status,
    kind: kindFromStatus(status),
    message: message || `HTTP ${status}`,
    provider,
    retryAfterMs: parseRetryAfter(headers),
  });
}

/** Most providers nest the message at `error.message`; fall back to the raw body text. */
export function extractErrorMessage(bodyText: string): string {
  try {
    const body = JSON.parse(bodyText) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof body.error === "string") return body.error;
    if (typeof body.error?.message === "string") return body.error.message;
    if (typeof body.message === "string") return body.message;
  } catch {
    // not JSON: proxies and load balancers answer with HTML or plain text
  }
  return bodyText.slice(0, 500);
}
