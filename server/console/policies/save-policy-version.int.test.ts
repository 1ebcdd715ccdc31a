// A policy save computes its what-if replay only when it can succeed: a save that is already
// stale is refused without replaying the organisation's traffic first.
import { beforeAll, describe, expect, it } from "vitest";
import { forTenant } from "../../db/tenant-scope";
import { setupTestDatabase } from "../../testing/setup-test-database";
import { makeConsoleFixture } from "../../trpc/testing/console-fixture";
import type { TenantActor } from "../actor";
import { getPolicy } from "./list-policies";
import { savePolicyVersion } from "./save-policy-version";
import { whatIfPolicy } from "./what-if-policy";

const t = setupTestDatabase();

describe("policy save", () => {
  let actor: TenantActor;
  let policyId: string;

  beforeAll(async () => {
    const fx = await makeConsoleFixture(t.db);
    actor = { db: forTenant(t.db, fx.a.tenant.id), rootDb: t.db, tenantId: fx.a.tenant.id, userId: fx.a.users.admin.id, role: "admin" };
    policyId = fx.a.policy.id;
  });

  it("replays traffic for a save of the current version, and not for a stale one", async () => {
    const replays: number[] = [];
    const counted: typeof whatIfPolicy = (...args) => (replays.push(args[1].days), whatIfPolicy(...args));
    const read = await getPolicy(actor, policyId);
    const edited = { ...read.fields, description: "first edit" };
    expect(await savePolicyVersion(actor, { id: policyId, expectedVersion: read.version, policy: edited, whatIfDays: 7 }, counted)).toEqual({ version: read.version + 1 });
    expect(replays).toEqual([7]);

    // Opened at the old version: refused as stale, with no replay.
    await expect(savePolicyVersion(actor, { id: policyId, expectedVersion: read.version, policy: { ...edited, description: "second edit" }, whatIfDays: 7 }, counted)).rejects.toMatchObject({ code: "conflict" });
    expect(replays).toEqual([7]);
  });
});
