// Limits on the console's attempts that can be abused at speed: password guessing and account
// creation. Wrong passwords slow down the address that sends them, never lock the account:
//  - per client address, across all accounts: password spraying is slowed;
//  - per account and address: guessing one account from one address is slowed hard;
//  - per account, across addresses: many addresses guessing one account are slowed too, but
//    only those that already failed on it, so the owner signing in from anywhere else still
//    goes straight through.
// Counters live in Redis when REDIS_URL is set (shared by every process), else in this process
// (or, in a worker of a clustered server, in its primary: server/cluster/shared-stores.ts).
import { createHash } from "node:crypto";
import { REDIS_KEY_PREFIX, getRedis } from "../redis/redis-client";
import { sharedInProcessStore } from "../cluster/shared-stores";
import { withFallback, type BackoffDecision, type BackoffRule, type BackoffStore } from "./backoff-store";
import { addressBucket } from "./client-address";
import { RedisBackoffStore } from "./redis-backoff-store";

export interface SignInRules {
  address: BackoffRule;
  accountFromAddress: BackoffRule;
  account: BackoffRule;
}

const HOUR = 60 * 60_000;

export const DEFAULT_SIGN_IN_RULES: SignInRules = {
  // An office behind one NAT mistypes now and then; a sprayer gets one guess a minute.
  address: { free: 20, baseMs: 1_000, capMs: 60_000, forgetAfterMs: HOUR },
  accountFromAddress: { free: 5, baseMs: 1_000, capMs: 15 * 60_000, forgetAfterMs: HOUR },
  account: { free: 20, baseMs: 1_000, capMs: 5 * 60_000, forgetAfterMs: HOUR },
};

/** About 20 accounts an hour from one address. */
export const DEFAULT_SIGN_UP_RULE: BackoffRule = { free: 20, baseMs: HOUR, capMs: HOUR, forgetAfterMs: HOUR };

// Keys are digests: fixed size whatever a client sends, and no email address stored in Redis.
const keyOf = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("base64url");

export class SignInLimiter {
  constructor(
    private readonly store: BackoffStore,
    private readonly rules: SignInRules = DEFAULT_SIGN_IN_RULES,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Whether a sign-in attempt may check its password now; an admitted attempt counts as a failure until succeeded(). */
  admit(address: string, email: string): Promise<BackoffDecision> {
    const bucket = addressBucket(address);
    return this.store.admit(
      [
        { key: keyOf("sign-in:address", bucket), rule: this.rules.address },
        { key: keyOf("sign-in:account-address", email, bucket), rule: this.rules.accountFromAddress },
        { key: keyOf("sign-in:account", email), rule: this.rules.account, onlyAfter: 1 },
      ],
      this.clock(),
    );
  }

  /**
   * The password was right: this address's failures on the account are forgotten, and the
   * attempt is handed back to the address and account counters. The address's other failures
   * stay, or a sprayer could wipe them by signing in to an account of its own.
   */
  async succeeded(address: string, email: string): Promise<void> {
    const bucket = addressBucket(address);
    await Promise.all([
      this.store.forget(keyOf("sign-in:account-address", email, bucket)),
      this.store.refund(keyOf("sign-in:address", bucket)),
      this.store.refund(keyOf("sign-in:account", email)),
    ]);
  }
}

export class SignUpLimiter {
  constructor(
    private readonly store: BackoffStore,
    private readonly rule: BackoffRule = DEFAULT_SIGN_UP_RULE,
    private readonly clock: () => number = Date.now,
  ) {}

  admit(address: string): Promise<BackoffDecision> {
    return this.store.admit([{ key: keyOf("sign-up:address", addressBucket(address)), rule: this.rule }], this.clock());
  }
}

/** "try again in N s" for a refusal. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const holder = globalThis as unknown as { __switchyardAttempts?: { signIn: SignInLimiter; signUp: SignUpLimiter } };

function processLimiters() {
  if (!holder.__switchyardAttempts) {
    const redis = getRedis();
    const local = sharedInProcessStore("sign-in-backoff");
    // Redis away: each process limits on its own rather than not at all.
    const store = redis ? withFallback(new RedisBackoffStore(redis, REDIS_KEY_PREFIX), local, (m, e) => console.error(`[sign-in limits] ${m}`, e)) : local;
    holder.__switchyardAttempts = { signIn: new SignInLimiter(store), signUp: new SignUpLimiter(store) };
  }
  return holder.__switchyardAttempts;
}

export const signInLimiter = (): SignInLimiter => processLimiters().signIn;
export const signUpLimiter = (): SignUpLimiter => processLimiters().signUp;
