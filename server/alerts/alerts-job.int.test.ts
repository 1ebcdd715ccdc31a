import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { UsageWriter } from "../usage/usage-writer";
import type { UsageRecord } from "../usage/usage-record";
import { ALERTS_LOCK_KEY, runAlertRound } from "./alerts-job";

const t = setupTestDatabase();

function spend(tenantId: string, apiKeyId: string, teamId: string | null, costUsd: number, createdAt: Date): UsageRecord {
  return {
    id: randomUUID(), tenantId, apiKeyId, teamId, policyId: "pol-1", endpoint: "openai",
    requestedModel: "auto", category: "coding", categorySource: "classifier", confidence: 0.9, difficulty: 0.4,
    chosenModel: "gpt-5.4", provider: "openai", attempts: [], fallbackCount: 0, inputTokens: 100, outputTokens: 50,
    costUsd, baselineCostUsd: costUsd, latencyMs: 420, ttftMs: 180, cacheHit: false, stream: false,
    simulated: true, status: 200, errorClass: null, explanation: { summary: "test" }, createdAt,
  };
}

async function tenantWithBudgets() {
  const tenantId = (await t.db.tenant.create({ data: { name: "Alerts", slug: `alerts-${randomUUID()}` } })).id;
  const team = await t.db.team.create({ data: { tenantId, name: "platform", monthlyBudgetUsd: 10 } });
  const key = await t.db.apiKey.create({ data: { tenantId, teamId: team.id, name: "ci", prefix: "sy_test", hash: randomUUID(), monthlyBudgetUsd: 4 } });
  return { tenantId, teamId: team.id, keyId: key.id };
}

const alertsOf = (tenantId: string) => t.db.alert.findMany({ where: { tenantId }, orderBy: { dedupeKey: "asc" } });

describe("alerts round", () => {
  it("raises budget alerts from the rollups once per threshold and month, and resolves them when the budget is raised or the month turns", async () => {
    const { tenantId, teamId, keyId } = await tenantWithBudgets();
    const writer = new UsageWriter(t.db);
    // $3.40 this month on the key (85% of $4, 34% of the team's $10); $50 last month counts for nothing.
    writer.record(spend(tenantId, keyId, teamId, 50, new Date("2026-11-28T09:00:00Z")));
    writer.record(spend(tenantId, keyId, teamId, 2, new Date("2026-12-02T09:00:00Z")));
    writer.record(spend(tenantId, keyId, teamId, 1.4, new Date("2026-12-05T09:00:00Z")));
    await writer.flush();

    const now = new Date("2026-12-06T00:00:00Z");
    const first = await runAlertRound(t.db, now);
    expect(first.locked).toBe(true);
    let alerts = await alertsOf(tenantId);
    expect(alerts.map((a) => [a.dedupeKey, a.severity, a.status])).toEqual([
      [`budget:key:${keyId}:2026-12:50`, "info", "open"],
      [`budget:key:${keyId}:2026-12:80`, "warning", "open"],
    ]);
    const details = alerts[1]?.details as Record<string, unknown>;
    expect(details).toMatchObject({ spentUsd: 3.4, budgetUsd: 4, spentPercent: 85, since: "2026-12-01T00:00:00.000Z", forecast: { pace: "month_to_date" } });
    // $3.40 over 5 days: $0.68 a day, $0.60 left: runs out ~21 hours later.
    expect((details.forecast as { runsOutAt: string }).runsOutAt.slice(0, 10)).toBe("2026-12-06");

    // A second round raises nothing new; an acknowledged alert stays acknowledged and is refreshed.
    await t.db.alert.update({ where: { id: alerts[0]!.id }, data: { status: "acknowledged", acknowledgedAt: now } });
    const later = new Date("2026-12-06T01:00:00Z");
    const second = await runAlertRound(t.db, later);
    expect(second).toMatchObject({ raised: 0, refreshed: 2, resolved: 0 });
    alerts = await alertsOf(tenantId);
    expect(alerts.map((a) => a.status)).toEqual(["acknowledged", "open"]);
    expect(alerts.every((a) => a.lastSeenAt.getTime() === later.getTime())).toBe(true);

    // The budget raised to $6: 57% of it, so the 80% alert resolves and the 50% one stays.
    await t.db.apiKey.update({ where: { id: keyId }, data: { monthlyBudgetUsd: 6 } });
    await runAlertRound(t.db, later);
    alerts = await alertsOf(tenantId);
    expect(alerts.map((a) => a.status)).toEqual(["acknowledged", "resolved"]);
    expect(alerts[1]?.resolvedAt?.getTime()).toBe(later.getTime());

    // Lowered again the same month: the 80% alert is not raised a second time.
    await t.db.apiKey.update({ where: { id: keyId }, data: { monthlyBudgetUsd: 4 } });
    expect(await runAlertRound(t.db, later)).toMatchObject({ raised: 0 });

    // January: nothing spent yet, December's alerts resolve.
    await runAlertRound(t.db, new Date("2027-01-01T00:10:00Z"));
    expect((await alertsOf(tenantId)).map((a) => a.status)).toEqual(["resolved", "resolved"]);
  });

  it("raises team alerts from the team's spend across its keys", async () => {
    const { tenantId, teamId, keyId } = await tenantWithBudgets();
    const other = await t.db.apiKey.create({ data: { tenantId, teamId, name: "batch", prefix: "sy_test", hash: randomUUID() } });
    const writer = new UsageWriter(t.db);
    writer.record(spend(tenantId, keyId, teamId, 1, new Date("2026-12-02T09:00:00Z")));
    writer.record(spend(tenantId, other.id, teamId, 10, new Date("2026-12-02T10:00:00Z")));
    await writer.flush();
    await runAlertRound(t.db, new Date("2026-12-03T00:00:00Z"));
    const team = (await alertsOf(tenantId)).filter((a) => a.subjectType === "team");
    expect(team.map((a) => a.severity)).toEqual(["critical", "info", "warning"]);
    expect(team.find((a) => a.severity === "critical")?.title).toContain('Team "platform" used its whole monthly budget ($11.00 of $10.00)');
  });

  it("does nothing while another process holds the lock", async () => {
    const { tenantId, keyId, teamId } = await tenantWithBudgets();
    const writer = new UsageWriter(t.db);
    writer.record(spend(tenantId, keyId, teamId, 4, new Date("2026-12-02T09:00:00Z")));
    await writer.flush();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const hasLock = new Promise<void>((r) => (locked = r));
    const holder = t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ALERTS_LOCK_KEY}::bigint)`;
      locked();
      await held;
    });
    await hasLock;
    expect(await runAlertRound(t.db, new Date("2026-12-03T00:00:00Z"))).toEqual({ locked: false, raised: 0, refreshed: 0, resolved: 0 });
    release();
    await holder;
    expect(await alertsOf(tenantId)).toEqual([]);
  });
});
