// The console's email + password check, as next-auth's credentials provider runs it. Every
// attempt that reaches the password check runs exactly one bcrypt comparison, against a dummy
// hash when the email has no account, so the answer's timing does not say which emails exist;
// the limits (attempt-limiter.ts) are keyed by the client's address as trusted proxies report
// it, and they refuse before any lookup, the same way for known and unknown emails.
import { z } from "zod";
import type { Db } from "../db/client";
import { emailSchema } from "../console/schemas/common";
import { clientAddressOf, type HeaderSource } from "./client-address";
import { retryAfterSeconds, type SignInLimiter } from "./attempt-limiter";
import { verifyPassword } from "./password";
import type { TrustedProxies } from "./trusted-proxies";

export const signInSchema = z.object({
  email: emailSchema,
  // Sign-up caps passwords at 200 characters; anything longer cannot be right.
  password: z.string().min(1, "Enter your password").max(200),
});

export interface CredentialsDependencies {
  db: () => Db;
  limiter: () => SignInLimiter;
  trustedProxies: TrustedProxies;
}

export type SignedInUser = { id: string; email: string; name: string | null };

export function authorizeCredentials(deps: CredentialsDependencies) {
  return async (credentials: Record<string, unknown> | undefined, request: { headers?: HeaderSource }): Promise<SignedInUser | null> => {
    const parsed = signInSchema.safeParse(credentials);
    if (!parsed.success) return null;
    const { email, password } = parsed.data;
    const address = clientAddressOf(request.headers ?? {}, deps.trustedProxies);
    const admission = await deps.limiter().admit(address, email);
    // next-auth hands this message to the sign-in form.
    if (!admission.admitted) throw new Error(`Too many sign-in attempts, try again in ${retryAfterSeconds(admission.retryAfterMs)} s`);
    const user = await deps.db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
    if (!(await verifyPassword(password, user?.passwordHash ?? null)) || !user) return null;
    await deps.limiter().succeeded(address, email);
    return { id: user.id, email: user.email, name: user.name };
  };
}
