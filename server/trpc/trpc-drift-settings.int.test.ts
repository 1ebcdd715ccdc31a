// Drift alert settings and drift alerts through the real router and database: every member reads
// the thresholds (defaults until saved), admins and owners change them (validated, audited, this
// tenant only), and the Alerts page filters drift alerts by kind.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { DEFAULT_DRIFT_SETTINGS } from "../console/schemas/drift-settings";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("drift settings and alerts in the console", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
  });
  const as = (role: "viewer" | "member" | "admin" | "owner") => fx.as(fx.a.users[role].id);

  it("lets admins and owners change the thresholds, refuses members and bad values, and audits the changed fields", async () => {
    expect(await as("viewer").tenant.driftSettings()).toEqual(DEFAULT_DRIFT_SETTINGS);
    const stricter = { ...DEFAULT_DRIFT_SETTINGS, latencyIncreasePercent: 50, minRequests: 500 };
    expect(await outcomeCode(as("member").tenant.setDriftSettings(stricter))).toBe("FORBIDDEN");
    expect(await outcomeCode(as("admin").tenant.setDriftSettings({ ...stricter, recentHours: 1 }))).toBe("BAD_REQUEST");
    expect(await outcomeCode(as("admin").tenant.setDriftSettings({ ...stricter, falseAlarmRate: 0.5 }))).toBe("BAD_REQUEST");

    await as("admin").tenant.setDriftSettings(stricter);
    expect(await as("viewer").tenant.driftSettings()).toEqual(stricter);
    // Another tenant keeps its own: the tenant comes from the session, never from input.
    expect(await fx.as(fx.b.users.owner.id).tenant.driftSettings()).toEqual(DEFAULT_DRIFT_SETTINGS);
    await as("owner").tenant.setDriftSettings({ ...stricter, enabled: false });

    const audit = await t.db.auditLog.findMany({ where: { tenantId: fx.a.tenant.id, action: "tenant.drift_settings_set" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.details)).toEqual([
      { changed: { latencyIncreasePercent: { from: 25, to: 50 }, minRequests: { from: 100, to: 500 } } },
      { changed: { enabled: { from: true, to: false } } },
    ]);
  });

  it("lists drift alerts apart from budget alerts", async () => {
    const tenantId = fx.a.tenant.id;
    await t.db.alert.createMany({
      data: [
        { tenantId, kind: "drift", subjectType: "model", subjectId: "gpt-5.4", dedupeKey: "drift:latency_p95:gpt-5.4:coding:2026-12-09T11", severity: "warning", title: "gpt-5.4 in coding: p95 latency up 50%" },
        { tenantId, kind: "budget", subjectType: "key", subjectId: "k1", dedupeKey: "budget:key:k1:2026-12:50", severity: "info", title: "API key passed 50%" },
      ],
    });
    const drift = await as("viewer").alerts.list({ status: null, kind: "drift", severity: null });
    expect(drift.alerts.map((a) => a.title)).toEqual(["gpt-5.4 in coding: p95 latency up 50%"]);
    expect(await outcomeCode(as("viewer").alerts.list({ status: null, kind: "other" as "drift", severity: null }))).toBe("BAD_REQUEST");
  });
});
