// The console's one application error type. Services throw it; server/trpc/map-console-error.ts
// is the one place that turns it into a tRPC error (and so an HTTP status).
import { logInternalError } from "../errors/log-internal-error";

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

/** A fault that is not the caller's, as the caller may see it: a reference to the server log. */
export const hideInternalError = (error: unknown) => new ConsoleError("internal", logInternalError("console", error));
