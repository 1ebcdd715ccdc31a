export type UpstreamErrorKind =
  | "rate_limited"
  | "server"
  | "timeout"
  | "connection"
  | "bad_request"
  | "auth"
  | "not_found"
  | "stream_broken"
  /** The base URL reaches a non-public address (guard-upstream-address.ts): configuration, not trouble. */
  | "blocked"
  | "unknown";

const RETRYABLE_KINDS: ReadonlySet<UpstreamErrorKind> = new Set([
  "rate_limited",
  "server",
  "timeout",
  "connection",
]);

/**
 * An upstream call's failure. `message` is written by us and may reach callers (the /v1 error
 * body, the console's connection test): never the upstream's body or a raw socket error,
 * which can carry secrets or internal host names. Those go to `detail`, for server logs only.
 */
export class UpstreamError extends Error {
  readonly status: number;
  readonly kind: UpstreamErrorKind;
  readonly provider: string;
  readonly retryAfterMs?: number;
  readonly detail?: string;

  constructor(init: {
    status: number;
    kind: UpstreamErrorKind;
    message: string;
    provider: string;
    retryAfterMs?: number;
    detail?: string;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "UpstreamError";
    this.status = init.status;
    this.kind = init.kind;
    this.provider = init.provider;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.detail !== undefined) this.detail = init.detail;
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

const REASONS: Record<UpstreamErrorKind, string> = {
  rate_limited: "rate limited",
  server: "server error",
  timeout: "timed out",
  connection: "connection failed",
  bad_request: "request refused",
  auth: "credential refused",
  not_found: "not found",
  stream_broken: "stream broken",
  blocked: "address not allowed",
  unknown: "unexpected answer",
};

/** A short, safe description of a failure the upstream reported: the status, and its error code when that is a plain token. */
export function describeUpstreamFailure(provider: string, status: number, kind: UpstreamErrorKind, code: string | undefined): string {
  const where = status ? `HTTP ${status}` : "error";
  return `${provider}: ${where} (${code ?? REASONS[kind]})`;
}

/** Shared by all HTTP adapters: the status and error code for callers, the body's message for the logs. */
export function errorFromResponse(provider: string, status: number, bodyText: string, headers: Headers): UpstreamError {
  const kind = kindFromStatus(status);
  return new UpstreamError({
    status,
    kind,
    message: describeUpstreamFailure(provider, status, kind, extractErrorCode(bodyText)),
    provider,
    retryAfterMs: parseRetryAfter(headers),
    detail: extractErrorMessage(bodyText) || `HTTP ${status}`,
  });
}

/** An error the provider reported inside an answer (a stream event, a JSON body), described the same way. */
export function reportedError(provider: string, status: number, kind: UpstreamErrorKind, error: WireError | undefined): UpstreamError {
  return new UpstreamError({
    status,
    kind,
    message: describeUpstreamFailure(provider, status, kind, safeErrorCode(error)),
    provider,
    detail: typeof error?.message === "string" ? error.message : undefined,
  });
}

type WireError = { message?: unknown; code?: unknown; type?: unknown; status?: unknown };

// Letters, digits and underscores only ("invalid_api_key", "RESOURCE_EXHAUSTED"): no room for a
// host name, a URL or a key.
const SAFE_CODE = /^[A-Za-z][A-Za-z0-9_]{0,47}$/;

/** The most specific error code of OpenAI (code), Anthropic (type) or Google (status) bodies, when it is a plain token. */
function safeErrorCode(error: WireError | undefined): string | undefined {
  return [error?.code, error?.type, error?.status].find((c): c is string => typeof c === "string" && SAFE_CODE.test(c));
}

/** The error code of a JSON error body ({ error: { code | type | status } }), when it is a plain token. */
export function extractErrorCode(bodyText: string): string | undefined {
  try {
    const body = JSON.parse(bodyText) as { error?: WireError | string };
    return typeof body.error === "object" && body.error !== null ? safeErrorCode(body.error) : undefined;
  } catch {
    return undefined;
  }
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
