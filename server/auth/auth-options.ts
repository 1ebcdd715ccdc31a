// next-auth configuration: email + password credentials and, when the operator configures it,
// OpenID Connect single sign-on; JWT sessions.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb, type Db } from "../db/client";
import { env } from "../env";
import { signInLimiter } from "./attempt-limiter";
import { authorizeCredentials } from "./authorize-credentials";
import { emailVerified, OIDC_PROVIDER_ID, oidcProvider, oidcSettingsFrom, type OidcClaims, type OidcSettings } from "./oidc-provider";
import { resolveSsoSignIn } from "./sso-sign-in";

/** The options with a given password check (tests pass one on their own database and limiter) and single sign-on, if any. */
export function createAuthOptions(authorize: ReturnType<typeof authorizeCredentials>, sso: { settings: OidcSettings; db: () => Db } | null = null): NextAuthOptions {
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    // Refusals and provider errors come back to the sign-in page, which says them in words.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize,
      }),
      ...(sso ? [oidcProvider(sso.settings)] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!sso || account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = profile as OidcClaims;
        const outcome = await resolveSsoSignIn(sso.db(), { email: claims.email, emailVerified: emailVerified(claims), name: claims.name });
        if ("refused" in outcome) return `/sign-in?error=${outcome.refused}`;
        // The provider's subject becomes our account: next-auth hands this same object to the jwt callback.
        user.id = outcome.userId;
        return true;
      },
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

const oidcSettings = oidcSettingsFrom(env);

export const authOptions = createAuthOptions(
  authorizeCredentials({ db: getDb, limiter: signInLimiter, trustedProxies: env.SWITCHYARD_TRUSTED_PROXIES }),
  oidcSettings && { settings: oidcSettings, db: getDb },
);

/** The single sign-on button's label, or null when none is configured. */
export const ssoButtonName = oidcSettings?.name ?? null;
