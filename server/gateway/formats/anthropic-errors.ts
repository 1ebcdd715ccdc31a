const TYPES_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  503: "overloaded_error",
  529: "overloaded_error",
};

export function anthropicErrorType(status: number): string {
  return TYPES_BY_STATUS[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

/** `{ type: "error", error: { type, message } }`, the body of every Anthropic error response and stream error event. */
export function buildAnthropicErrorBody(status: number, message: string) {
  return { type: "error" as const, error: { type: anthropicErrorType(status), message } };
}
