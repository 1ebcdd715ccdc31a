// What an upstream said when it failed, for the server's log only (callers get our own message).
// An upstream's error text can echo what it was sent or name its internals (a key, a bearer
// token, an internal address next to a credential), and an error body can be megabytes of JSON
// message: the text is capped and passed through the same secret redaction as stored prompts.
import type { UpstreamError } from "../providers/upstream-error";
import { redactSecrets } from "../usage/redact-secrets";

/** Characters of an upstream's error text kept in the log. */
export const MAX_LOGGED_DETAIL_CHARS = 1_000;

/** The log line for an upstream failure with a detail, or null when it has none. */
export function upstreamDetailLine(prefix: string, error: UpstreamError): string | null {
  if (!error.detail) return null;
  const detail = error.detail.length > MAX_LOGGED_DETAIL_CHARS ? `${error.detail.slice(0, MAX_LOGGED_DETAIL_CHARS)}…` : error.detail;
  return `${prefix} ${error.message}: ${redactSecrets(detail)}`;
}

/** Writes the upstream's detail to the server log (a warning), redacted and capped. */
export function warnUpstreamDetail(prefix: string, error: UpstreamError): void {
  const line = upstreamDetailLine(prefix, error);
  if (line !== null) console.warn(line);
}
