// The Audit page's data through the real router: entries in words with their diffs, filters by
// who, object, action and time, and the CSV export of what is filtered, safe to open in a spreadsheet.
import { beforeAll, describe, expect, it } from "vitest";
import { COUNT_CAP } from "../console/lists/capped-count";
import { NO_AUDIT_FILTERS } from "../console/schemas/audit";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("audit log", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
    await t.db.user.update({ where: { id: fx.a.users.admin.id }, data: { name: "Ana" } });
    await admin.teams.update({ id: fx.a.team.id, name: "=HYPERLINK(\"x\")", monthlyBudgetUsd: 120 });
    await fx.as(fx.a.users.owner.id).keys.revoke({ id: fx.a.key.id });
  });

  it("says who did what to which object, with the changed fields before and after", async () => {
    const { items, total } = await fx.as(fx.a.users.viewer.id).audit.list({ limit: 50, filters: NO_AUDIT_FILTERS });
    expect(total).toEqual({ count: 2, capped: false });
    const team = items.find((i) => i.action === "team.updated")!;
    expect(team.summary).toBe("Ana (admin@alpha.test) changed team “=HYPERLINK(\"x\")”");
    expect(team.changes).toEqual([
      { field: "name", before: "Platform", after: "=HYPERLINK(\"x\")" },
      { field: "monthly budget (USD)", before: "none", after: "120" },
    ]);
    expect(items.find((i) => i.action === "api_key.revoked")?.summary).toBe("owner@alpha.test revoked key “Backend”");
  });

  it("filters by who, object, action and time, and never shows another organisation's entries", async () => {
    const list = (filters: Partial<typeof NO_AUDIT_FILTERS>) => admin.audit.list({ limit: 50, filters: { ...NO_AUDIT_FILTERS, ...filters } }).then((p) => p.items.map((i) => i.action));
    expect(await list({ actor: `user:${fx.a.users.owner.id}` })).toEqual(["api_key.revoked"]);
    expect(await list({ targetType: "team", targetId: fx.a.team.id })).toEqual(["team.updated"]);
    expect(await list({ action: "api_key.revoked" })).toEqual(["api_key.revoked"]);
    expect(await list({ from: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await fx.as(fx.b.users.admin.id).audit.list({ limit: 50, filters: NO_AUDIT_FILTERS }).then((p) => p.total)).toEqual({ count: 0, capped: false });
    const options = await admin.audit.filterOptions();
    expect(options.actors.map((a) => a.label).sort()).toEqual(["Ana (admin@alpha.test)", "owner@alpha.test"]);
    expect(options.targetTypes).toEqual(["api_key", "team"]);
    expect(options.actions).toEqual(["api_key.revoked", "team.updated"]);
    // Grouped in the database, and within the tenant: the other organisation's trail is empty.
    expect(await fx.as(fx.b.users.admin.id).audit.filterOptions()).toEqual({ actors: [], targetTypes: [], actions: [] });
  });

  it("exports the filtered entries as CSV whose cells cannot run as formulas", async () => {
    const csv = await admin.audit.exportCsv({ ...NO_AUDIT_FILTERS, targetType: "team" });
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("time,actor,summary,action,object type,object id,changes");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("team.updated");
    expect(lines[1]).toContain("name: Platform → =HYPERLINK");
    // The summary cell starts with the actor's name, the changes cell with the field: neither is a formula.
    expect(csv).not.toMatch(/(^|,)"?=/m);
    await expect(fx.as(null).audit.exportCsv(NO_AUDIT_FILTERS)).rejects.toThrow(/Sign in/);
  });

  it("counts a large trail only up to the cap, and says so", async () => {
    const tenantId = fx.b.tenant.id;
    await t.db.auditLog.createMany({ data: Array.from({ length: COUNT_CAP + 5 }, (_, i) => ({ tenantId, action: "team.updated", targetType: "team", targetId: `t${i}` })) });
    const page = await fx.as(fx.b.users.admin.id).audit.list({ limit: 10, filters: NO_AUDIT_FILTERS });
    expect(page.total).toEqual({ count: COUNT_CAP, capped: true });
    expect(page.items).toHaveLength(10);
    await t.db.auditLog.deleteMany({ where: { tenantId } });
  });
});
