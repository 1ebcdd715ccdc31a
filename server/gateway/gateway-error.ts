// The gateway's one error type. Each caller format turns it into its own error body (OpenAI
// or Anthropic) in one place, so SDKs raise their typed errors.
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** The OpenAI-format `code`, where the status's usual one would mislead. */
    readonly code?: string | null,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

export const badRequest = (message: string) => new GatewayError(400, message);
export const unauthorized = (message: string) => new GatewayError(401, message);
export const forbidden = (message: string) => new GatewayError(403, message);
export const notFound = (message: string) => new GatewayError(404, message);
export const tooLarge = (message: string) => new GatewayError(413, message);
export const unavailable = (message: string) => new GatewayError(503, message);
