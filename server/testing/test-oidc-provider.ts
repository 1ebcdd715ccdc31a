// A minimal OpenID Connect identity provider for tests: discovery document, an authorize
// endpoint that approves the configured test user at once, a token endpoint that checks the
// client and PKCE and issues a signed id_token, the signing keys (jwks) and userinfo. Tests say
// who "signs in" next with POST /test/user { email, name, emailVerified }.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from "jose";
import { readBody } from "./fake-upstreams/loopback-server";

export interface TestOidcUser {
  email: string;
  name: string;
  emailVerified: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setUser(user: TestOidcUser): void;
  close(): Promise<void>;
}

interface PendingCode {
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  user: TestOidcUser;
}

const KEY_ID = "test-key";

const base64url = (bytes: Buffer) => bytes.toString("base64url");
const subjectOf = (email: string) => `user-${createHash("sha256").update(email).digest("hex").slice(0, 16)}`;

const readForm = async (req: http.IncomingMessage) => new URLSearchParams(await readBody(req));

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** client_secret_basic or client_secret_post, as the client chooses. */
function clientOf(req: http.IncomingMessage, form: URLSearchParams): { id: string | null; secret: string | null } {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
  if (basic) {
    const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":").map((part) => decodeURIComponent(part));
    return { id: id ?? null, secret: secret ?? null };
  }
  return { id: form.get("client_id"), secret: form.get("client_secret") };
}

export async function startTestOidcProvider(options: { clientId?: string; clientSecret?: string; user?: TestOidcUser } = {}): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? "switchyard-test";
  const clientSecret = options.clientSecret ?? base64url(randomBytes(24));
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: "RS256", use: "sig" };
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, TestOidcUser>();
  let user: TestOidcUser = options.user ?? { email: "someone@example.test", name: "Someone", emailVerified: true };
  let issuer = "";

  const claimsOf = (u: TestOidcUser) => ({ sub: subjectOf(u.email), email: u.email, email_verified: u.emailVerified, name: u.name });

  async function idToken(pending: PendingCode, key: KeyLike): Promise<string> {
    return new SignJWT({ ...claimsOf(pending.user), ...(pending.nonce && { nonce: pending.nonce }) })
      .setProtectedHeader({ alg: "RS256", kid: KEY_ID })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(key);
  }

  async function token(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = await readForm(req);
    const client = clientOf(req, form);
    if (client.id !== clientId || client.secret !== clientSecret) return json(res, 401, { error: "invalid_client" });
    const pending = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    if (form.get("grant_type") !== "authorization_code" || !pending || pending.redirectUri !== form.get("redirect_uri")) return json(res, 400, { error: "invalid_grant" });
    const verifier = form.get("code_verifier");
    if (pending.codeChallenge && (!verifier || base64url(createHash("sha256").update(verifier).digest()) !== pending.codeChallenge)) {
      return json(res, 400, { error: "invalid_grant", error_description: "PKCE verification failed" });
    }
    const accessToken = base64url(randomBytes(24));
    accessTokens.set(accessToken, pending.user);
    json(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 300, scope: "openid email profile", id_token: await idToken(pending, privateKey) });
  }

  function authorize(url: URL, res: http.ServerResponse): void {
    const q = url.searchParams;
    const redirectUri = q.get("redirect_uri");
    if (q.get("client_id") !== clientId || !redirectUri || q.get("response_type") !== "code") return json(res, 400, { error: "invalid_request" });
    const code = base64url(randomBytes(16));
    codes.set(code, { redirectUri, codeChallenge: q.get("code_challenge"), nonce: q.get("nonce"), user });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    const state = q.get("state");
    if (state) back.searchParams.set("state", state);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const route = `${req.method} ${url.pathname}`;
    const handle = async () => {
      switch (route) {
        case "GET /.well-known/openid-configuration":
          return json(res, 200, {
            issuer,
            authorization_endpoint: `${issuer}/authorize`,
            token_endpoint: `${issuer}/token`,
            jwks_uri: `${issuer}/jwks`,
            userinfo_endpoint: `${issuer}/userinfo`,
            response_types_supported: ["code"],
            subject_types_supported: ["public"],
            id_token_signing_alg_values_supported: ["RS256"],
            code_challenge_methods_supported: ["S256"],
            token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
            scopes_supported: ["openid", "email", "profile"],
            claims_supported: ["sub", "email", "email_verified", "name"],
          });
        case "GET /authorize":
          return authorize(url, res);
        case "POST /token":
          return token(req, res);
        case "GET /jwks":
          return json(res, 200, { keys: [jwk] });
        case "GET /userinfo": {
          const who = accessTokens.get(/^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "");
          return who ? json(res, 200, claimsOf(who)) : json(res, 401, { error: "invalid_token" });
        }
        case "POST /test/user": {
          const next = JSON.parse(await readBody(req)) as Partial<TestOidcUser>;
          if (typeof next.email !== "string") return json(res, 400, { error: "email required" });
          user = { email: next.email, name: next.name ?? next.email, emailVerified: next.emailVerified ?? true };
          return json(res, 200, user);
        }
        default:
          return json(res, 404, { error: "not_found" });
      }
    };
    handle().catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    setUser: (next) => { user = next; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
