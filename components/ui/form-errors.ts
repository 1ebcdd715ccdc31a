// Field errors from a zod parse on the client, or from the server's tRPC error, keyed by path.
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.path.join(".")] ??= issue.message;
  return out;
}
