import { UpstreamError, errorFromResponse } from "../upstream-error";

type GeminiErrorBody = { error?: { details?: Array<{ retryDelay?: string }> } };

/** Gemini puts the retry hint in the body (google.rpc.RetryInfo, e.g. "38s"), not in Retry-After. */
function retryDelayMs(bodyText: string): number | undefined {
  try {
    const body = JSON.parse(bodyText) as GeminiErrorBody;
    const delay = body.error?.details?.find((d) => d.retryDelay)?.retryDelay;
    const seconds = delay ? Number.parseFloat(delay) : Number.NaN;
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function mapGeminiError(status: number, bodyText: string, headers: Headers): UpstreamError {
  const error = errorFromResponse("google", status, bodyText, headers);
  const retryAfterMs = error.retryAfterMs ?? retryDelayMs(bodyText);
  if (retryAfterMs === error.retryAfterMs) return error;
  return new UpstreamError({ status, kind: error.kind, message: error.message, provider: "google", retryAfterMs, detail: error.detail });
}
