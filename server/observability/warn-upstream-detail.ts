// What an upstream said when it failed, for the server's log only (callers get our own message).
// An upstream's error text can echo what it was sent or name its internals (a key, a bearer
// token, an internal address next to a credential), and an error body can be megabytes of JSON
// message: the text passes through the same secret redaction as stored prompts, then is capped.
import type { UpstreamError } from "../providers/upstream-error";
import { redactSecrets } from "../usage/redact-secrets";

/** Characters of an upstream's error text kept in the log. */
export const MAX_LOGGED_DETAIL_CHARS = 1_000;

/** The log line for an upstream failure with a detail, or null when it has none. */
export function upstreamDetailLine(prefix: string, error: UpstreamError): string | null {
  if (!error.detail) return null;
  // Redacted before it is cut: a key that straddled the cut would be too short to be recognised.
  const detail = redactSecrets(error.detail);
  return `${prefix} ${error.message}: ${detail.length > MAX_LOGGED_DETAIL_CHARS ? `${detail.slice(0, MAX_LOGGED_DETAIL_CHARS)}…` : detail}`;
}

/** Writes the upstream's detail to the server log (a warning), redacted and capped. */
export function warnUpstreamDetail(prefix: string, error: UpstreamError): void {
  const line = upstreamDetailLine(prefix, error);
  if (line !== null) console.warn(line);
}
