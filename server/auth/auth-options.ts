// next-auth configuration: email + password credentials, JWT sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { env } from "../env";
import { signInLimiter } from "./attempt-limiter";
import { authorizeCredentials } from "./authorize-credentials";

/** The options with a given password check (tests pass one on their own database and limiter). */
export function createAuthOptions(authorize: ReturnType<typeof authorizeCredentials>): NextAuthOptions {
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize,
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.userId = user.id;
        return token;
      },
      session({ session, token }) {
        if (session.user && typeof token.userId === "string") (session.user as { id?: string }).id = token.userId;
        return session;
      },
    },
  };
}

export const authOptions = createAuthOptions(
  authorizeCredentials({ db: getDb, limiter: signInLimiter, trustedProxies: env.SWITCHYARD_TRUSTED_PROXIES }),
);
