import { describe, expect, it } from "vitest";
import { capabilityProfile, recordOutcome, recordPairwise, type ProfileBook } from "../routing/learning/capability-profile";
import { DEFAULT_CATALOG, DEFAULT_POLICY } from "../routing/defaults";
import type { RoutingPolicy } from "../routing/types";
import { trueQuality } from "../providers/simulated/simulated-truth";
import { monthStart } from "../limits/calendar";
import type { UsageRecord } from "../usage/usage-record";
import type { UsageWriter } from "../usage/usage-writer";
import { buildDemoEvidence } from "./demo-evidence";
import { generateDemoTraffic } from "./generate-demo-traffic";

const NOW = new Date("2026-12-20T12:00:00Z");
const JUDGED = ["coding", "math", "computer_use"];
const policy: RoutingPolicy = {
  ...DEFAULT_POLICY,
  rules: Object.fromEntries(Object.entries(DEFAULT_POLICY.rules).map(([c, r]) => [c, JUDGED.includes(c) ? { ...r, evaluationShare: 0.05, judgeModel: "gpt-5.4" } : r])),
};

function history(days = 60, requestsPerDay = 150): UsageRecord[] {
  const records: UsageRecord[] = [];
  const writer = { record: () => {} } as unknown as UsageWriter;
  generateDemoTraffic(writer, { tenantId: "t", keys: [{ id: "k", teamId: null }], policy, catalog: DEFAULT_CATALOG, days, requestsPerDay, now: NOW, onRecord: (r) => records.push(r) });
  // Ids in order instead of random UUIDs, so that every run draws the same evidence.
  return records.map((r, i) => ({ ...r, id: `req_demo_${i}` }));
}

describe("the demo history's evidence", () => {
  const records = history();
  const byId = new Map(records.map((r) => [r.id, r]));
  const evidence = buildDemoEvidence({ tenantId: "t", policy, catalog: DEFAULT_CATALOG, records, evaluationBudgetUsd: 25, now: NOW });

  it("gives feedback on a few served answers, each queued as a feedback event naming its row", () => {
    const served = records.filter((r) => r.status === 200 && !r.cacheHit).length;
    expect(evidence.feedback.length / served).toBeGreaterThan(0.12);
    expect(evidence.feedback.length / served).toBeLessThan(0.18);
    const events = evidence.events.filter((e) => e.kind === "feedback");
    expect(events.map((e) => e.payload.feedbackId)).toEqual(evidence.feedback.map((f) => f.id));
    for (const f of evidence.feedback) {
      expect(byId.get(f.requestId)!.status).toBe(200);
      expect([0, 1]).toContain(f.score);
      expect(f.createdAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it("evaluates the sampled requests of judged categories only, one judgement event per judged evaluation", () => {
    expect(evidence.evaluations.length).toBeGreaterThan(50);
    for (const e of evidence.evaluations) {
      expect(JUDGED).toContain(e.category);
      expect(e.judgeModel).toBe("gpt-5.4");
      expect(e.challengerModel).not.toBe(e.servedModel);
    }
    const ok = evidence.evaluations.filter((e) => e.status === "ok");
    const judgements = evidence.events.filter((e) => e.kind === "judgement");
    expect(judgements.map((j) => j.payload.evaluationId)).toEqual(ok.map((e) => e.id));
    expect(judgements.every((j) => [0, 0.25, 0.5, 0.75, 1].includes(j.score!))).toBe(true);
  });

  it("keeps this month's evaluation spend within the budget, and marks the rest over_budget", () => {
    const month = monthStart(NOW).getTime();
    const thisMonth = (budget: number) =>
      buildDemoEvidence({ tenantId: "t", policy, catalog: DEFAULT_CATALOG, records, evaluationBudgetUsd: budget, now: NOW }).evaluations.filter((e) => e.createdAt.getTime() >= month);
    const spent = (rows: ReturnType<typeof thisMonth>) => rows.reduce((s, e) => s + (e.costUsd ?? 0), 0);
    const full = thisMonth(25);
    expect(spent(full)).toBeGreaterThan(0);
    expect(spent(full)).toBeLessThanOrEqual(25);
    const tight = thisMonth(spent(full) / 3);
    expect(spent(tight)).toBeLessThanOrEqual(spent(full) / 3);
    expect(tight.filter((e) => e.status === "over_budget").length).toBeGreaterThan(0);
  });

  it("moves profiles from the catalog toward the simulator's truth once folded", () => {
    let book: ProfileBook = {};
    const figure = (model: string, category: string) => DEFAULT_CATALOG.find((m) => m.id === model)!.quality[category] ?? null;
    for (const e of evidence.events) {
      const r = byId.get(e.requestId)!;
      if (e.kind === "feedback") book = recordOutcome(book, { modelId: r.chosenModel!, category: r.category!, score: e.score! });
      if (e.kind === "judgement") {
        const p = e.payload as { category: string; served: string; challenger: string };
        book = recordPairwise(book, { category: p.category, a: p.served, b: p.challenger, aWins: e.score!, catalogQualityA: figure(p.served, p.category), catalogQualityB: figure(p.challenger, p.category) });
      }
    }
    let catalogError = 0;
    let profileError = 0;
    let pairs = 0;
    for (const [category, models] of Object.entries(book)) {
      for (const [model, e] of Object.entries(models)) {
        const catalog = figure(model, category)!;
        const profile = capabilityProfile(e, catalog);
        if (profile.evidence < 40) continue;
        const truth = trueQuality(model, category)!;
        catalogError += Math.abs(catalog - truth);
        profileError += Math.abs(profile.quality - truth);
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(2);
    // With this seed: about 2 points off the truth against the catalog's 5.5.
    expect(profileError / pairs).toBeLessThan(0.6 * (catalogError / pairs));
  });

  it("puts implicit signals on the usage records (the writer counts them in the rollups): every fallback, and a few others", () => {
    const withSignals = records.filter((r) => (r.signals ?? []).length > 0);
    const fallbacks = records.filter((r) => r.status === 200 && !r.cacheHit && r.fallbackCount > 0);
    expect(withSignals.filter((r) => r.signals!.includes("fallback"))).toHaveLength(fallbacks.length);
    expect(withSignals.some((r) => r.signals!.includes("refusal"))).toBe(true);
    expect(withSignals.length / records.length).toBeLessThan(0.1);
  });
});
