// The console's one application error type. Services throw it; server/trpc/map-console-error.ts
// is the one place that turns it into a tRPC error (and so an HTTP status).
import { randomBytes } from "node:crypto";

export type ConsoleErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "rate_limited" | "upstream" | "internal";

export class ConsoleError extends Error {
  constructor(
    readonly code: ConsoleErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ConsoleError";
  }
}

export const notFound = (what: string) => new ConsoleError("not_found", `${what} not found`);
export const forbidden = (message: string) => new ConsoleError("forbidden", message);
export const conflict = (message: string) => new ConsoleError("conflict", message);
export const invalid = (message: string) => new ConsoleError("invalid", message);

/**
 * What the caller learns of a fault that is not theirs (a database, ORM or programming error):
 * a reference to quote, never the error's own text. The text goes to the server log with it.
 */
export function hideInternalError(error: unknown): ConsoleError {
  const reference = randomBytes(6).toString("hex");
  console.error(`[console] internal error ${reference}:`, error);
  return new ConsoleError("internal", `Internal error (reference ${reference})`);
}
