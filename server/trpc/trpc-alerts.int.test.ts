// The Alerts page's API: the tenant's alerts with filters, acknowledged and resolved by members
// and up, each change audited, and nothing of another tenant's visible or changeable.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { runAlertRound } from "../alerts/alerts-job";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;
const ALL = { status: null, kind: null, severity: null } as const;

describe("alerts router", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    // Each tenant's key spent $1.25 this month (the fixture's rollup): a $2 budget is past 50%, a $1 budget past 100%.
    await t.db.apiKey.update({ where: { id: fx.a.key.id }, data: { monthlyBudgetUsd: 1 } });
    await t.db.apiKey.update({ where: { id: fx.b.key.id }, data: { monthlyBudgetUsd: 2 } });
    await runAlertRound(t.db);
  });

  it("lists the tenant's own alerts, newest first, with filters", async () => {
    const viewer = fx.as(fx.a.users.viewer.id);
    const all = await viewer.alerts.list(ALL);
    expect(all.alerts.map((a) => a.severity).sort()).toEqual(["critical", "info", "warning"]);
    expect(all.alerts.every((a) => a.subjectId === fx.a.key.id && a.kind === "budget")).toBe(true);
    expect(all.open).toBe(3);
    expect(await viewer.alerts.openCount()).toBe(3);
    expect(await fx.as(fx.b.users.viewer.id).alerts.openCount()).toBe(1);
    expect((await viewer.alerts.list({ ...ALL, severity: "critical" })).alerts.map((a) => a.details.thresholdPercent)).toEqual([100]);
    expect((await viewer.alerts.list({ ...ALL, status: "resolved" })).alerts).toEqual([]);
    const other = await fx.as(fx.b.users.viewer.id).alerts.list(ALL);
    expect(other.alerts.map((a) => [a.subjectId, a.severity])).toEqual([[fx.b.key.id, "info"]]);
  });

  it("acknowledges and resolves, audited, and a resolved alert takes no more changes", async () => {
    const member = fx.as(fx.a.users.member.id);
    const { alerts } = await member.alerts.list({ ...ALL, severity: "warning" });
    const id = alerts[0]!.id;
    await member.alerts.acknowledge({ id });
    let row = await t.db.alert.findUniqueOrThrow({ where: { id } });
    expect([row.status, row.acknowledgedBy]).toEqual(["acknowledged", fx.a.users.member.id]);
    expect((await member.alerts.list({ ...ALL, status: "open" })).alerts.map((a) => a.id)).not.toContain(id);
    await member.alerts.resolve({ id });
    row = await t.db.alert.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("resolved");
    expect(row.resolvedAt).not.toBeNull();
    expect(await outcomeCode(member.alerts.acknowledge({ id }))).toBe("CONFLICT");
    const audit = await t.db.auditLog.findMany({ where: { tenantId: fx.a.tenant.id, targetId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, e.actorUserId])).toEqual([["alert.acknowledged", fx.a.users.member.id], ["alert.resolved", fx.a.users.member.id]]);
  });

  it("does not let one tenant see or change another's alerts", async () => {
    const [bravo] = (await fx.as(fx.b.users.owner.id).alerts.list(ALL)).alerts;
    const alpha = fx.as(fx.a.users.owner.id);
    expect(await outcomeCode(alpha.alerts.acknowledge({ id: bravo!.id }))).toBe("NOT_FOUND");
    expect(await outcomeCode(alpha.alerts.resolve({ id: bravo!.id }))).toBe("NOT_FOUND");
    expect((await t.db.alert.findUniqueOrThrow({ where: { id: bravo!.id } })).status).toBe("open");
  });

  it("shows each budget's forecast on the keys and teams lists", async () => {
    const viewer = fx.as(fx.a.users.viewer.id);
    // $1.25 spent of the key's $1: used up, so the forecast says it ran out (at the time of the call).
    const key = (await viewer.keys.list()).find((k) => k.id === fx.a.key.id);
    expect(key?.budgetForecast?.runsOutAt).not.toBeNull();
    expect(new Date(key!.budgetForecast!.runsOutAt!).getTime()).toBeLessThanOrEqual(Date.now());
    await t.db.team.update({ where: { id: fx.a.team.id }, data: { monthlyBudgetUsd: 100 } });
    const teams = await viewer.teams.list();
    // The fixture's spend has no team: nothing spent, so the budget lasts the month.
    expect(teams.find((x) => x.id === fx.a.team.id)).toMatchObject({ monthlyBudgetUsd: 100, monthToDateUsd: 0, budgetForecast: { runsOutAt: null, usdPerDay: 0 } });
  });
});
