// Single sign-on with any OpenID Connect identity provider (Okta, Entra ID, Google, Keycloak…),
// configured by the operator (SWITCHYARD_OIDC_*). next-auth discovers the provider's endpoints
// from its issuer, sends the user there with PKCE and state, and checks the signed id_token
// (issuer, audience, expiry, signature against the provider's published keys).
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { Env } from "../env";

export const OIDC_PROVIDER_ID = "oidc";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the sign-in button. */
  name: string;
}

/** The claims of the id_token that sign-in reads. */
export interface OidcClaims {
  sub: string;
  email?: string;
  /** Some providers send the boolean as a string. */
  email_verified?: boolean | string;
  name?: string;
}

export function oidcSettingsFrom(env: Env): OidcSettings | null {
  const { SWITCHYARD_OIDC_ISSUER: issuer, SWITCHYARD_OIDC_CLIENT_ID: clientId, SWITCHYARD_OIDC_CLIENT_SECRET: clientSecret } = env;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret, name: env.SWITCHYARD_OIDC_NAME } : null;
}

export const emailVerified = (claims: OidcClaims) => claims.email_verified === true || claims.email_verified === "true";

export function oidcProvider(settings: OidcSettings): OAuthConfig<OidcClaims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    profile: (claims) => ({ id: claims.sub, email: claims.email ?? null, name: claims.name ?? null }),
  };
}
