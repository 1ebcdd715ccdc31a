import { TRPCError } from "@trpc/server";

/**
 * How a console call ended, as one comparable string: "ok", the tRPC error code a client sees
 * ("FORBIDDEN", "NOT_FOUND", …), or "unexpected: …" for anything that is not a tRPC error.
 */
export async function outcomeCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected: ${String(error)}`;
  }
}
