// The admin API's one error body, { error: { code, message, field? } }, with its HTTP status.
// Errors go through the console's own mapping (server/trpc/map-console-error.ts), so a service
// refuses the same way here as in the console, and internal faults show only a log reference.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { describeValidationError } from "../gateway/formats/describe-validation-error";
import { mapConsoleError, publicMessage } from "../trpc/map-console-error";

export function adminErrorResponse(error: unknown, headers: HeadersInit = {}): Response {
  const isValidation = error instanceof ZodError;
  const mapped = mapConsoleError(new TRPCError({ code: isValidation ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR", cause: error }));
  const field = isValidation ? describeValidationError(error).param : null;
  return Response.json(
    { error: { code: mapped.code.toLowerCase(), message: publicMessage(mapped), ...(field && { field }) } },
    { status: getHTTPStatusCodeFromError(mapped), headers },
  );
}
