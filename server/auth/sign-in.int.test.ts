// Sign-in through next-auth's real credentials flow (CSRF token, callback, session cookie) on a
// real database, with the limiter's clock in the test's hands.
import NextAuth, { type NextAuthOptions } from "next-auth";
import type { NextApiRequest, NextApiResponse } from "next";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { createAuthOptions } from "./auth-options";
import { authorizeCredentials } from "./authorize-credentials";
import { DEFAULT_SIGN_IN_RULES, SignInLimiter } from "./attempt-limiter";
import { InProcessBackoffStore } from "./backoff-store";
import { hashPassword } from "./password";
import { PEER_HEADER, peerStamp } from "./stamp-peer-address";
import { NO_TRUSTED_PROXY, type TrustedProxies } from "./trusted-proxies";

const t = setupTestDatabase();
const OWNER = { email: "owner@signin.test", password: "the-right-password" };

function signInStack(trustedProxies: TrustedProxies = NO_TRUSTED_PROXY) {
  const clock = { now: Date.UTC(2026, 0, 1) };
  const limiter = new SignInLimiter(new InProcessBackoffStore(), DEFAULT_SIGN_IN_RULES, () => clock.now);
  const authorize = authorizeCredentials({ db: () => t.db, limiter: () => limiter, trustedProxies });
  const options: NextAuthOptions = { ...createAuthOptions(authorize), secret: "a-test-secret-of-enough-length" };
  return { clock, authorize, options };
}

/** What next-auth's API handler writes: status, headers (cookies) and body. */
class RecordedResponse {
  statusCode = 200;
  body: unknown = undefined;
  readonly headers = new Map<string, unknown>();
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: unknown) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  json(body: unknown) {
    this.body = body;
  }
  send(body: unknown) {
    this.body = body;
  }
  end() {}
  cookies(): Record<string, string> {
    const lines = ([] as string[]).concat((this.getHeader("set-cookie") as string[] | undefined) ?? []);
    return Object.fromEntries(lines.map((line) => line.split(";")[0]!.split("=").map(decodeURIComponent) as [string, string]));
  }
}

/** Runs next-auth's handler for /api/auth/<path> as Next would for the sign-in form's requests. */
async function callNextAuth(options: NextAuthOptions, path: string[], request: { method: string; headers: Record<string, string>; cookies: Record<string, string>; body?: Record<string, string> }) {
  const response = new RecordedResponse();
  const req = { ...request, query: { nextauth: path } } as unknown as NextApiRequest;
  await NextAuth(req, response as unknown as NextApiResponse, options);
  return response;
}

/** One sign-in form post; `peer` is the socket's address, `forwardedFor` what the request's X-Forwarded-For says. */
async function signIn(options: NextAuthOptions, email: string, password: string, peer: string, forwardedFor?: string) {
  const headers = { host: "localhost:3000", [PEER_HEADER]: peerStamp(peer), ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) };
  const csrf = await callNextAuth(options, ["csrf"], { method: "GET", headers, cookies: {} });
  const { csrfToken } = csrf.body as { csrfToken: string };
  const response = await callNextAuth(options, ["callback", "credentials"], { method: "POST", headers, cookies: csrf.cookies(), body: { email, password, csrfToken, json: "true" } });
  const { url } = response.body as { url: string };
  const error = new URL(url).searchParams.get("error");
  const signedIn = Object.entries(response.cookies()).some(([name, value]) => name.endsWith("next-auth.session-token") && value !== "");
  return { signedIn, error };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("sign-in", () => {
  beforeAll(async () => {
    await t.db.user.create({ data: { email: OWNER.email, name: "Owner", passwordHash: await hashPassword(OWNER.password) } });
  });

  it("lets the owner in from another address after 50 wrong passwords, and only slows the guesser", async () => {
    const { clock, options } = signInStack();
    let wrong = 0;
    while (wrong < 50) {
      const attempt = await signIn(options, OWNER.email, `guess-${wrong}`, "198.51.100.66");
      const wait = /^Too many sign-in attempts, try again in (\d+) s$/.exec(attempt.error ?? "");
      if (attempt.error === "CredentialsSignin") wrong++;
      else if (wait) clock.now += Number(wait[1]) * 1_000; // the guesser waits out each back-off
      else break;
    }
    expect(wrong).toBe(50);
    expect(await signIn(options, OWNER.email, OWNER.password, "203.0.113.5")).toEqual({ signedIn: true, error: null });
    // From the guesser's address even the right password waits out the back-off, then works.
    const refused = await signIn(options, OWNER.email, OWNER.password, "198.51.100.66");
    expect(refused).toEqual({ signedIn: false, error: expect.stringMatching(/^Too many sign-in attempts, try again in \d+ s$/) });
    clock.now += DEFAULT_SIGN_IN_RULES.accountFromAddress.capMs;
    expect(await signIn(options, OWNER.email, OWNER.password, "198.51.100.66")).toEqual({ signedIn: true, error: null });
  });

  it("slows 100 emails sprayed from one address", async () => {
    const { options } = signInStack();
    const errors: (string | null)[] = [];
    for (let i = 0; i < 100; i++) errors.push((await signIn(options, `victim${i}@signin.test`, "Summer2026!", "198.51.100.77")).error);
    expect(errors.slice(0, 20).every((e) => e === "CredentialsSignin")).toBe(true);
    expect(errors.slice(20).every((e) => e === "Too many sign-in attempts, try again in 1 s")).toBe(true);
  });

  it("ignores a forged X-Forwarded-For without a trusted proxy, and honours it with one", async () => {
    const spray = async (trustedProxies: TrustedProxies) => {
      const { options } = signInStack(trustedProxies);
      const errors: (string | null)[] = [];
      // Every attempt claims another client address; the socket's is always the same proxy's.
      for (let i = 0; i < 22; i++) errors.push((await signIn(options, `victim${i}@signin.test`, "Summer2026!", "10.0.0.2", `203.0.113.${i}`)).error);
      return errors.filter((e) => e?.startsWith("Too many")).length;
    };
    expect(await spray(NO_TRUSTED_PROXY)).toBe(2);
    expect(await spray({ hops: 1 })).toBe(0);
  });

  it("takes as long for an unknown email as for a known one", async () => {
    const { authorize } = signInStack();
    const timeOf = async (email: string, i: number) => {
      const start = performance.now();
      await authorize({ email, password: "a-wrong-password" }, { headers: { [PEER_HEADER]: peerStamp(`198.51.100.${i}`) } });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    await timeOf(OWNER.email, 99);
    for (let i = 0; i < 15; i++) {
      // Alternating which goes first, so that neither gains from running after the other.
      const pair = [() => timeOf(OWNER.email, i).then((ms) => known.push(ms)), () => timeOf(`nobody${i}@signin.test`, i + 100).then((ms) => unknown.push(ms))];
      for (const run of i % 2 ? pair.reverse() : pair) await run();
    }
    const [k, u] = [median(known), median(unknown)];
    expect(Math.abs(k - u) / Math.max(k, u), `medians: known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms`).toBeLessThan(0.2);
  });
});
