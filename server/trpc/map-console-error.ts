// The one place where application errors become tRPC errors (and so HTTP statuses). A caller
// sees the message of a ConsoleError, a fixed sentence for Prisma's known request errors, one
// readable line naming the field for invalid input, and a bare reference for anything else:
// database, ORM and programming errors never reach a response (they go to the server log).
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";
import { ConsoleError, hideInternalError, type ConsoleErrorCode } from "../console/console-error";
import { describeValidationError } from "../gateway/formats/describe-validation-error";

const CODES: Record<ConsoleErrorCode, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
  upstream: "BAD_GATEWAY",
  internal: "INTERNAL_SERVER_ERROR",
};

/** Prisma's known request errors that describe the caller's mistake rather than a fault. */
const PRISMA_CODES: Record<string, { code: TRPC_ERROR_CODE_KEY; message: string }> = {
  P2002: { code: "CONFLICT", message: "Something with that name already exists" },
  P2025: { code: "NOT_FOUND", message: "Not found" },
  P2003: { code: "CONFLICT", message: "It is still in use" },
};

const fromConsoleError = (cause: ConsoleError) => new TRPCError({ code: CODES[cause.code], message: cause.message, cause });

export function mapConsoleError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof ConsoleError) return fromConsoleError(cause);
  const prismaCode = (cause as { code?: unknown } | undefined)?.code;
  if (typeof prismaCode === "string" && PRISMA_CODES[prismaCode]) {
    return new TRPCError({ ...PRISMA_CODES[prismaCode], cause });
  }
  if (error.code === "BAD_REQUEST" && cause instanceof ZodError) {
    return new TRPCError({ code: "BAD_REQUEST", message: describeValidationError(cause).message, cause });
  }
  if (error.code === "INTERNAL_SERVER_ERROR") return fromConsoleError(hideInternalError(cause ?? error));
  return error;
}

/**
 * The message an HTTP response may carry. Errors raised inside a procedure were mapped above;
 * this catches the internal ones raised outside any procedure (creating the context, say).
 */
export function publicMessage(error: TRPCError): string {
  if (error.code !== "INTERNAL_SERVER_ERROR" || error.cause instanceof ConsoleError) return error.message;
  return hideInternalError(error.cause ?? error).message;
}
