import { describe, expect, it } from "vitest";
import { InProcessBackoffStore } from "./backoff-store";
import { DEFAULT_SIGN_IN_RULES, SignInLimiter, SignUpLimiter } from "./attempt-limiter";

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = new SignInLimiter(new InProcessBackoffStore(), DEFAULT_SIGN_IN_RULES, () => clock.now);
  return { clock, limiter };
}

/** Every wrong password an attacker gets to try, waiting out each refusal. */
async function guessUntil(limiter: SignInLimiter, clock: { now: number }, address: string, email: string, guesses: number) {
  for (let done = 0; done < guesses; ) {
    const decision = await limiter.admit(address, email);
    if (decision.admitted) done++;
    else clock.now += decision.retryAfterMs;
  }
}

describe("sign-in limiter", () => {
  it("lets the owner in from another address after 50 wrong passwords for the account", async () => {
    const { clock, limiter } = limiterAt();
    await guessUntil(limiter, clock, "198.51.100.66", "owner@acme.test", 50);
    expect(await limiter.admit("198.51.100.66", "owner@acme.test")).toMatchObject({ admitted: false });
    expect(await limiter.admit("203.0.113.5", "owner@acme.test")).toEqual({ admitted: true });
  });

  it("slows an address guessing one account with doubling waits, and never refuses for good", async () => {
    const { clock, limiter } = limiterAt();
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const decision = await limiter.admit("198.51.100.66", "owner@acme.test");
      if (!decision.admitted) {
        waits.push(decision.retryAfterMs);
        clock.now += decision.retryAfterMs;
      }
    }
    // 5 free, then 1 s, 2 s, 4 s...
    expect(waits.slice(0, 4)).toEqual([1_000, 2_000, 4_000, 8_000]);
    clock.now += DEFAULT_SIGN_IN_RULES.accountFromAddress.capMs;
    expect(await limiter.admit("198.51.100.66", "owner@acme.test")).toEqual({ admitted: true });
  });

  it("forgets an address's failures on an account when it signs in there, but not its failures elsewhere", async () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 14; i++) await limiter.admit("198.51.100.7", `user${i}@acme.test`);
    for (let i = 0; i < 5; i++) await limiter.admit("198.51.100.7", "me@acme.test");
    expect(await limiter.admit("198.51.100.7", "me@acme.test")).toMatchObject({ admitted: false });
    clock.now += 1_000;
    expect(await limiter.admit("198.51.100.7", "me@acme.test")).toEqual({ admitted: true });
    await limiter.succeeded("198.51.100.7", "me@acme.test");
    // Its failures on this account are gone (5 free again)...
    expect(await limiter.admit("198.51.100.7", "me@acme.test")).toEqual({ admitted: true });
    // ...but the address's count only lost the attempt that succeeded: 14 + 6 - 1 + 1 = 20 used.
    expect(await limiter.admit("198.51.100.7", "user99@acme.test")).toEqual({ admitted: false, retryAfterMs: 1_000 });
  });

  it("slows password spraying: 100 emails from one address", async () => {
    const { limiter } = limiterAt();
    const decisions = [];
    for (let i = 0; i < 100; i++) decisions.push(await limiter.admit("198.51.100.66", `victim${i}@acme.test`));
    expect(decisions.filter((d) => d.admitted)).toHaveLength(DEFAULT_SIGN_IN_RULES.address.free);
    expect(decisions.at(-1)).toEqual({ admitted: false, retryAfterMs: 1_000 });
    expect(await limiter.admit("203.0.113.5", "victim99@acme.test")).toEqual({ admitted: true });
  });

  it("slows many addresses guessing one account, only those that failed on it", async () => {
    const { clock, limiter } = limiterAt();
    const bot = (i: number) => `198.51.100.${i}`;
    for (let i = 0; i < 20; i++) await limiter.admit(bot(i), "owner@acme.test");
    // One guess each left the account at its free 20: a bot's second guess must wait.
    expect(await limiter.admit(bot(0), "owner@acme.test")).toEqual({ admitted: false, retryAfterMs: 1_000 });
    expect(await limiter.admit("203.0.113.5", "owner@acme.test")).toEqual({ admitted: true });
    clock.now += 2_000;
    expect(await limiter.admit(bot(0), "owner@acme.test")).toEqual({ admitted: true });
  });

  it("counts an IPv6 client by its /64", async () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 20; i++) expect(await limiter.admit(`2001:db8:1:2::${i.toString(16)}`, `v${i}@acme.test`)).toEqual({ admitted: true });
    expect(await limiter.admit("2001:db8:1:2:ffff::1", "v20@acme.test")).toMatchObject({ admitted: false });
    expect(await limiter.admit("2001:db8:1:3::1", "v20@acme.test")).toEqual({ admitted: true });
  });
});

describe("sign-up limiter", () => {
  it("allows 20 sign-ups an hour from one address", async () => {
    const clock = { now: 0 };
    const limiter = new SignUpLimiter(new InProcessBackoffStore(), undefined, () => clock.now);
    for (let i = 0; i < 20; i++) expect(await limiter.admit("198.51.100.7")).toEqual({ admitted: true });
    expect(await limiter.admit("198.51.100.7")).toEqual({ admitted: false, retryAfterMs: 3_600_000 });
    expect(await limiter.admit("198.51.100.8")).toEqual({ admitted: true });
    clock.now += 3_600_000;
    expect(await limiter.admit("198.51.100.7")).toEqual({ admitted: true });
  });
});
