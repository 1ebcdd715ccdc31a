// Sign-up answers a taken email exactly as a free one: same result, no cookie, nothing
// created, the same errors, and the same time.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../../testing/setup-test-database";
import { createConsoleContext } from "../../trpc/context";
import { createCaller } from "../../trpc/root";
import { hashPassword, verifyPassword } from "../../auth/password";

const t = setupTestDatabase();
const TAKEN = "taken@signup.test";

/** A sign-up from its own address (the per-address limit is not what this file tests), recording cookies set. */
async function signUpAs(email: string, i: number, extra: { organisation?: string | null; inviteToken?: string | null } = {}) {
  const cookies: string[] = [];
  const caller = createCaller(createConsoleContext({ db: t.db, userId: null, clientAddress: `198.51.100.${i % 250}`, setTenantCookie: (id) => cookies.push(id) }));
  const start = performance.now();
  const outcome = await caller.account
    .signUp({ name: "Sam", email, password: "a-long-enough-password", organisation: extra.organisation === undefined ? "Samco" : extra.organisation, inviteToken: extra.inviteToken ?? null })
    .then((result) => ({ result }), (error: { code?: string; message?: string }) => ({ error: { code: error.code, message: error.message } }));
  return { outcome, cookies, ms: performance.now() - start };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("sign-up with an email that has an account", () => {
  beforeAll(async () => {
    await t.db.user.create({ data: { email: TAKEN, name: "Owner", passwordHash: await hashPassword("the-owners-password") } });
  });

  it("answers as for a new email, creates nothing and leaves the account as it was", async () => {
    const fresh = await signUpAs("fresh@signup.test", 1);
    const taken = await signUpAs(TAKEN, 2);
    expect(taken.outcome).toEqual(fresh.outcome);
    expect(taken.cookies).toEqual(fresh.cookies);
    expect(await t.db.user.count({ where: { email: { in: ["fresh@signup.test", TAKEN] } } })).toBe(2);
    expect(await t.db.tenant.count({ where: { name: "Samco" } })).toBe(1);
    expect(await t.db.user.count({ where: { email: { endsWith: ".invalid" } } })).toBe(0);
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: TAKEN } });
    expect(owner.name).toBe("Owner");
    expect(await verifyPassword("the-owners-password", owner.passwordHash)).toBe(true);
    expect(await t.db.membership.count({ where: { userId: owner.id } })).toBe(0);
  });

  it("gives the same error for an unusable invite", async () => {
    const fresh = await signUpAs("fresh-invitee@signup.test", 3, { organisation: null, inviteToken: "no-such-invite-token-at-all" });
    const taken = await signUpAs(TAKEN, 4, { organisation: null, inviteToken: "no-such-invite-token-at-all" });
    expect(fresh.outcome).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(taken.outcome).toEqual(fresh.outcome);
  });

  it("takes as long as a sign-up with a new email", async () => {
    const fresh: number[] = [];
    const taken: number[] = [];
    await signUpAs("warm-up@signup.test", 9);
    for (let i = 0; i < 15; i++) {
      // Alternating which goes first, so that neither gains from running after the other.
      const pair = [() => signUpAs(`new${i}@signup.test`, 10 + 2 * i).then((r) => fresh.push(r.ms)), () => signUpAs(TAKEN, 11 + 2 * i).then((r) => taken.push(r.ms))];
      for (const run of i % 2 ? pair.reverse() : pair) await run();
    }
    const [f, k] = [median(fresh), median(taken)];
    expect(Math.abs(f - k) / Math.max(f, k), `medians: new ${f.toFixed(1)} ms, taken ${k.toFixed(1)} ms`).toBeLessThan(0.2);
  });
});
