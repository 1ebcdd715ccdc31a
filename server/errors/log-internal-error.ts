// A fault that is not the caller's (a database, ORM or programming error) is logged here with a
// short reference, and the caller gets only that reference: enough to find the log line, and
// nothing of the error's own text, which can name tables, columns, hosts or values.
import { randomBytes } from "node:crypto";

/** Logs `error` under a new reference and returns the message a caller may see. */
export function logInternalError(area: string, error: unknown): string {
  const reference = randomBytes(6).toString("hex");
  console.error(`[${area}] internal error ${reference}:`, error);
  return `Internal error (reference ${reference})`;
}
