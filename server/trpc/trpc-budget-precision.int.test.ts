// Budgets are stored to four decimals: a smaller one would be stored as $0 and refuse every
// request of its key or team, so the console refuses it with a validation error instead.
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const keyInput = (name: string, monthlyBudgetUsd: number) => ({ name, teamId: null, policyId: null, scopes: ["gateway" as const], monthlyBudgetUsd, rpmLimit: null, tpmLimit: null, expiresAt: null });

async function refusal(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("budget precision", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
  });

  it("refuses a key, team or team update whose budget is below what the database stores, naming the field", async () => {
    const calls = [
      () => admin.keys.create(keyInput("Tiny", 0.00004)),
      () => admin.teams.create({ name: "Tiny", monthlyBudgetUsd: 0.00004 }),
      () => admin.teams.update({ id: fx.a.team.id, name: fx.a.team.name, monthlyBudgetUsd: 0.00004 }),
    ];
    for (const call of calls) {
      const error = await refusal(call());
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toContain("monthlyBudgetUsd: At least $0.0001");
    }
    expect(await t.db.apiKey.count({ where: { tenantId: fx.a.tenant.id, name: "Tiny" } })).toBe(0);
    expect(await t.db.team.count({ where: { tenantId: fx.a.tenant.id, name: "Tiny" } })).toBe(0);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: fx.a.team.id } })).monthlyBudgetUsd).toBeNull();
  });

  it("stores the smallest budget it accepts as that amount, not as $0", async () => {
    const { key } = await admin.keys.create(keyInput("Smallest", 0.0001));
    expect(Number((await t.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).monthlyBudgetUsd)).toBe(0.0001);
    const team = await admin.teams.create({ name: "Smallest", monthlyBudgetUsd: 0.0001 });
    expect(Number((await t.db.team.findUniqueOrThrow({ where: { id: team.id } })).monthlyBudgetUsd)).toBe(0.0001);
  });
});
