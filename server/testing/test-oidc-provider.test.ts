// The test identity provider speaks OpenID Connect as next-auth's client library checks it:
// discovery, PKCE, state, and an id_token signed with the published key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generators, Issuer } from "openid-client";
import { startTestOidcProvider, type TestOidcProvider } from "./test-oidc-provider";

describe("test OpenID Connect provider", () => {
  let idp: TestOidcProvider;
  beforeAll(async () => { idp = await startTestOidcProvider({ clientSecret: "test-secret" }); });
  afterAll(() => idp.close());

  it("signs the configured user in with PKCE and a verifiable id_token", async () => {
    await fetch(`${idp.issuer}/test/user`, { method: "POST", body: JSON.stringify({ email: "ana@example.test", name: "Ana" }) });
    const issuer = await Issuer.discover(idp.issuer);
    const client = new issuer.Client({ client_id: idp.clientId, client_secret: "test-secret", redirect_uris: ["http://app.test/cb"], response_types: ["code"] });
    const verifier = generators.codeVerifier();
    const state = generators.state();
    const authorize = client.authorizationUrl({ scope: "openid email profile", code_challenge: generators.codeChallenge(verifier), code_challenge_method: "S256", state });
    const redirect = await fetch(authorize, { redirect: "manual" });
    const back = new URL(redirect.headers.get("location") ?? "");
    const tokens = await client.callback("http://app.test/cb", Object.fromEntries(back.searchParams), { code_verifier: verifier, state });
    expect(tokens.claims()).toMatchObject({ iss: idp.issuer, aud: idp.clientId, email: "ana@example.test", email_verified: true, name: "Ana" });
    expect(await client.userinfo(tokens.access_token ?? "")).toMatchObject({ email: "ana@example.test" });
  });

  it("refuses a wrong PKCE verifier and a wrong client secret", async () => {
    const issuer = await Issuer.discover(idp.issuer);
    const exchange = async (secret: string, verifier: string) => {
      const client = new issuer.Client({ client_id: idp.clientId, client_secret: secret, redirect_uris: ["http://app.test/cb"] });
      const authorize = client.authorizationUrl({ scope: "openid", code_challenge: generators.codeChallenge(generators.codeVerifier()), code_challenge_method: "S256" });
      const back = new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "");
      return client.callback("http://app.test/cb", Object.fromEntries(back.searchParams), { code_verifier: verifier });
    };
    await expect(exchange("test-secret", generators.codeVerifier())).rejects.toThrow(/PKCE/);
    await expect(exchange("wrong", generators.codeVerifier())).rejects.toThrow(/invalid_client/);
  });
});
