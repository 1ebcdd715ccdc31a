type OpenAIErrorShape = { type: string; code: string | null };

const BY_STATUS: Record<number, OpenAIErrorShape> = {
  400: { type: "invalid_request_error", code: null },
  401: { type: "authentication_error", code: "invalid_api_key" },
  // A request larger than what is left of a budget (OpenAI's own type for running out of money).
  402: { type: "insufficient_quota", code: "budget_insufficient" },
  403: { type: "permission_error", code: null },
  404: { type: "invalid_request_error", code: "model_not_found" },
  413: { type: "invalid_request_error", code: "request_too_large" },
  429: { type: "rate_limit_error", code: "rate_limit_exceeded" },
  500: { type: "server_error", code: null },
  503: { type: "server_error", code: "service_unavailable" },
};

/**
 * `{ error: { message, type, param, code } }`; the SDKs pick the error class from the HTTP status.
 * `code` replaces the status's usual code where that would mislead (a 404 that is not about a model).
 */
export function buildOpenAIErrorBody(status: number, message: string, code?: string | null) {
  const shape = BY_STATUS[status] ?? (status >= 500 ? BY_STATUS[500] : BY_STATUS[400]);
  return { error: { message, type: shape?.type ?? "server_error", param: null, code: code !== undefined ? code : (shape?.code ?? null) } };
}
