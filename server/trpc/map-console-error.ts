// The one place where application errors become tRPC errors (and so HTTP statuses).
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ConsoleError, type ConsoleErrorCode } from "../console/console-error";

const CODES: Record<ConsoleErrorCode, TRPC_ERROR_CODE_KEY> = {
  unauthenticated: "UNAUTHORIZED",
  forbidden: "FORBIDDEN",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  invalid: "BAD_REQUEST",
  rate_limited: "TOO_MANY_REQUESTS",
  upstream: "BAD_GATEWAY",
};

/** Prisma's known request errors that describe the caller's mistake rather than a fault. */
const PRISMA_CODES: Record<string, { code: TRPC_ERROR_CODE_KEY; message: string }> = {
  P2002: { code: "CONFLICT", message: "Something with that name already exists" },
  P2025: { code: "NOT_FOUND", message: "Not found" },
  P2003: { code: "CONFLICT", message: "It is still in use" },
};

export function mapConsoleError(error: TRPCError): TRPCError {
  const cause = error.cause;
  if (cause instanceof ConsoleError) return new TRPCError({ code: CODES[cause.code], message: cause.message, cause });
  const prismaCode = (cause as { code?: unknown } | undefined)?.code;
  if (typeof prismaCode === "string" && PRISMA_CODES[prismaCode]) {
    return new TRPCError({ ...PRISMA_CODES[prismaCode], cause });
  }
  return error;
}
