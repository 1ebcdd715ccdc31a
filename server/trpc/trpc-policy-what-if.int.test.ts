// What-if through the real router and database: a draft replayed on the policy's recorded
// requests gives the figures an independent computation with the routing engine gives on the
// same rows (route() for each prompt's category, selectModel and estimateCost for the choice and
// its price); other tenants', other policies', unrouted and older requests are left out; a save
// stores the summary with its version.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { tenantConfig } from "../gateway/config-cache";
import { createRandom } from "../random/mulberry32";
import { route, estimateOutputTokens } from "../routing/route";
import { estimateCost } from "../routing/estimate-cost";
import { qualityCeiling, requiredQualityFor, selectModel } from "../routing/select-model";
import type { CatalogModel, RoutingPolicy } from "../routing/types";
import type { Prisma } from "../db/generated/client";
import { replayFieldsOf } from "../usage/replay-fields";
import { readReplayRows } from "../console/policies/read-replay-rows";
import type { PolicyFields } from "../console/schemas/policies";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

const PROMPTS = [
  "Write a Python function that reverses a linked list in place.",
  "Fix this bug: TypeError: cannot read properties of undefined (reading 'map') in my React component.",
  "Tom had 12 apples. He gave 5 to Anna and bought 7 more. How many apples does he have now?",
  "Prove that the square root of 2 is irrational.",
  "Why does ice float on water? Explain the hydrogen bonding involved.",
  "Open the Settings app and turn on dark mode, then restart the phone.",
  "Write a short poem about autumn leaves.",
  "Plan a three-day trip to Lisbon with a budget of 600 euros.",
  "hi",
];
const DAY = 86_400_000;

describe("policy what-if", () => {
  let fx: Fixture;
  let admin: ReturnType<Fixture["as"]>;
  let catalog: CatalogModel[];
  let saved: RoutingPolicy;
  let fields: PolicyFields;
  /** The prompt of each seeded routed request, by log id (the fixture's own row has none). */
  const prompts = new Map<string, string>();

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    admin = fx.as(fx.a.users.admin.id);
    const config = await tenantConfig(t.db, fx.a.tenant.id);
    catalog = config.catalog;
    saved = config.policiesById.get(fx.a.policy.id)!;
    fields = (await admin.policies.get({ id: fx.a.policy.id })).fields;
    const rand = createRandom(7);
    const now = Date.now();
    const rows: Prisma.RequestLogCreateManyInput[] = [];
    const base = (i: number, over: Partial<Prisma.RequestLogCreateManyInput>): Prisma.RequestLogCreateManyInput => ({
      id: `wi_${i}`, tenantId: fx.a.tenant.id, policyId: fx.a.policy.id, endpoint: "openai", requestedModel: "auto", latencyMs: 100, status: 200,
      createdAt: new Date(now - rand() * 6 * DAY), ...over,
    });
    for (let i = 0; i < 1_500; i++) {
      const prompt = PROMPTS[i % PROMPTS.length]!;
      const request = {
        messages: [{ role: "user" as const, content: prompt }],
        maxOutputTokens: rand() < 0.2 ? Math.ceil(rand() * 400) : undefined,
        forcedCategory: rand() < 0.1 ? "math" : undefined,
      };
      const d = route({ request, catalog, policy: saved, unhealthy: {}, now: new Date() });
      rows.push(base(i, {
        category: d.category, categorySource: d.categorySource, confidence: d.confidence, difficulty: d.difficulty, chosenModel: d.model?.id ?? null,
        inputTokens: d.estimate.inputTokens + Math.floor(rand() * 3_000), outputTokens: Math.floor(rand() * 1_500), ...replayFieldsOf(d, request),
      }));
      prompts.set(`wi_${i}`, prompt);
    }
    // Left out: requests for a named model, unrouted failures, older ones, another policy's and another tenant's.
    for (let i = 0; i < 20; i++) rows.push(base(10_000 + i, { requestedModel: "gpt-5.4", category: "coding", inputTokens: 100, outputTokens: 100 }));
    for (let i = 0; i < 20; i++) rows.push(base(11_000 + i, { status: 401 }));
    for (let i = 0; i < 20; i++) rows.push(base(12_000 + i, { category: "coding", inputTokens: 100, outputTokens: 100, createdAt: new Date(now - 10 * DAY) }));
    for (let i = 0; i < 20; i++) rows.push(base(13_000 + i, { category: "coding", policyId: fx.b.policy.id, inputTokens: 100, outputTokens: 100 }));
    for (let i = 0; i < 20; i++) rows.push(base(14_000 + i, { category: "coding", tenantId: fx.b.tenant.id, policyId: fx.a.policy.id, inputTokens: 100, outputTokens: 100 }));
    await t.db.requestLog.createMany({ data: rows });
  });

  /** The draft: a stricter coding bar, a higher confidence threshold, a cheaper general bar. */
  const draftFields = (): PolicyFields => ({
    ...fields,
    confidenceThreshold: 0.8,
    rules: fields.rules.map((r) => (r.category === "coding" ? { ...r, qualityBar: 80.8 } : r.category === "general" ? { ...r, qualityBar: 40 } : r)),
  });

  /** The engine's choice for one logged row under a policy, computed here without the replay code: route() decides the prompt's category. */
  function expectedChoice(row: Prisma.RequestLogGetPayload<object>, policy: RoutingPolicy) {
    const prompt = prompts.get(row.id);
    const request = { messages: [{ role: "user" as const, content: prompt ?? "" }], maxOutputTokens: row.maxOutputTokens ?? undefined, forcedCategory: row.forcedCategory ?? undefined };
    const decision = prompt === undefined ? null : route({ request, catalog, policy, unhealthy: {}, now: new Date() });
    // The fixture's own row predates the replay fields: its recorded category stands.
    const category = decision?.category ?? row.category!;
    const rule = policy.rules[category]!;
    const requiredQuality = requiredQualityFor(rule, policy.difficultyBarRaise * (row.difficulty ?? 0), qualityCeiling(catalog, rule, category, new Date()));
    const selection = selectModel({
      catalog, rule, category, requiredQuality, inputTokens: row.estimatedInputTokens ?? row.inputTokens,
      outputTokens: estimateOutputTokens(category, policy, row.maxOutputTokens ?? undefined), unhealthy: {}, now: new Date(),
    });
    // The same choice as route() itself makes on the prompt.
    if (decision) expect(selection.model?.id).toBe(decision.model?.id);
    return { category, model: selection.model, degraded: selection.degraded };
  }

  it("gives the routing engine's own figures for the policy's routed requests of the window", async () => {
    const draft = draftFields();
    const result = await admin.policies.whatIf({ policyId: fx.a.policy.id, draft, days: 7 });
    const draftPolicy: RoutingPolicy = { ...saved, confidenceThreshold: 0.8, rules: { ...saved.rules, coding: { ...saved.rules.coding!, qualityBar: 80.8 }, general: { ...saved.rules.general!, qualityBar: 40 } } };

    const logged = await t.db.requestLog.findMany({
      where: { tenantId: fx.a.tenant.id, policyId: fx.a.policy.id, requestedModel: "auto", category: { not: null }, createdAt: { gte: new Date(Date.now() - 7 * DAY) } },
    });
    expect(logged).toHaveLength(1_501);
    expect(result).toMatchObject({ requests: 1_501, totalRequests: 1_501, days: 7, policyVersion: 1 });

    const totals = (policy: RoutingPolicy) => {
      let costUsd = 0;
      let unpriced = 0;
      let baselineCostUsd = 0;
      const quality: Record<string, number[]> = {};
      const models: Record<string, Record<string, number>> = {};
      const baseline = catalog.find((m) => m.id === policy.baselineModelId)!;
      const choices = new Map<string, ReturnType<typeof expectedChoice>>();
      for (const row of logged) {
        const choice = expectedChoice(row, policy);
        choices.set(row.id, choice);
        const est = choice.model ? estimateCost(choice.model, row.inputTokens, row.outputTokens) : null;
        if (est?.priced) costUsd += est.usd;
        else if (est) unpriced++;
        const b = estimateCost(baseline, row.inputTokens, row.outputTokens);
        if (b.priced) baselineCostUsd += b.usd;
        const { category, model } = choice;
        const q = model?.quality[category];
        if (q !== null && q !== undefined) (quality[category] ??= []).push(q);
        (models[category] ??= {})[model?.id ?? ""] = (models[category]![model?.id ?? ""] ?? 0) + 1;
      }
      return { costUsd, unpriced, baselineCostUsd, quality, models, choices };
    };
    for (const [policy, got] of [[saved, result.saved], [draftPolicy, result.draft]] as const) {
      const want = totals(policy);
      expect(got.costUsd).toBeCloseTo(want.costUsd, 9);
      expect(got.unpriced).toBe(want.unpriced);
      expect(got.baselineCostUsd).toBeCloseTo(want.baselineCostUsd, 9);
      expect(Object.fromEntries(Object.entries(got.categories).map(([c, v]) => [c, v.models]))).toEqual(want.models);
      for (const [category, qs] of Object.entries(want.quality)) expect(got.categories[category]!.meanQuality).toBeCloseTo(qs.reduce((a, b) => a + b, 0) / qs.length, 9);
    }
    const before = totals(saved).choices;
    const after = totals(draftPolicy).choices;
    const changed = logged.filter((r) => before.get(r.id)!.model?.id !== after.get(r.id)!.model?.id);
    expect(result.changed).toBe(changed.length);
    expect(result.changed).toBeGreaterThan(50);
    expect(result.sample).toHaveLength(20);
    for (const s of result.sample) {
      expect(s.before).toBe(before.get(s.id)!.model?.id ?? null);
      expect(s.after).toBe(after.get(s.id)!.model?.id ?? null);
    }
    expect(result.costChangePct).toBeCloseTo((result.draft.costUsd / result.saved.costUsd - 1) * 100, 9);
  });

  it("takes 30 days, says how many requests it is based on when capped, and is confined to the tenant", async () => {
    const month = await admin.policies.whatIf({ policyId: fx.a.policy.id, draft: fields, days: 30 });
    expect(month).toMatchObject({ requests: 1_521, totalRequests: 1_521, totalEstimated: false, changed: 0, costChangePct: 0 });
    // Capped: the most recent rows (read a day at a time), and the total from the hourly rollups.
    // (Whole days of a window are read from the daily rollups; the rollup without a category is not a routed request.)
    const day = new Date(Math.floor(Date.now() / DAY) * DAY - 3 * DAY);
    await t.db.usageRollupDaily.createMany({
      data: [
        { tenantId: fx.a.tenant.id, day, category: "coding", model: "gpt-5.4", policyId: fx.a.policy.id, requests: 1_500, latencyHistogram: [], ttftHistogram: [] },
        { tenantId: fx.a.tenant.id, day, category: "math", model: "gpt-5.4", policyId: fx.a.policy.id, requests: 21, latencyHistogram: [], ttftHistogram: [] },
        { tenantId: fx.a.tenant.id, day, category: "", model: "", policyId: fx.a.policy.id, requests: 40, latencyHistogram: [], ttftHistogram: [] },
        { tenantId: fx.a.tenant.id, day, category: "coding", model: "gpt-5.4", policyId: fx.b.policy.id, requests: 40, latencyHistogram: [], ttftHistogram: [] },
      ],
    });
    const capped = await readReplayRows(t.db, { tenantId: fx.a.tenant.id, policyId: fx.a.policy.id, policyName: fx.a.policy.name, from: new Date(Date.now() - 30 * DAY), to: new Date() }, 1_000);
    const newest = await t.db.requestLog.findMany({
      where: { tenantId: fx.a.tenant.id, policyId: fx.a.policy.id, requestedModel: "auto", category: { not: null } }, orderBy: { createdAt: "desc" }, take: 1_000, select: { id: true },
    });
    expect(capped.rows.map((r) => r.id)).toEqual(newest.map((r) => r.id));
    expect(capped).toMatchObject({ total: 1_521, totalEstimated: true });
    expect(await outcomeCode(admin.policies.whatIf({ policyId: fx.b.policy.id, draft: fields, days: 7 }))).toBe("NOT_FOUND");
    expect(await outcomeCode(fx.as(fx.a.users.viewer.id).policies.whatIf({ policyId: fx.a.policy.id, draft: fields, days: 7 }))).toBe("FORBIDDEN");
    // The save's own validation: a draft whose default category has no rule is refused.
    expect(await outcomeCode(admin.policies.whatIf({ policyId: fx.a.policy.id, draft: { ...fields, defaultCategory: "nope" }, days: 7 }))).toBe("BAD_REQUEST");
    expect(await outcomeCode(admin.policies.whatIf({ policyId: fx.a.policy.id, draft: fields, days: 14 as 7 }))).toBe("BAD_REQUEST");
  });

  it("stores the what-if with the saved version, and the version list shows it", async () => {
    const draft = draftFields();
    const preview = await admin.policies.whatIf({ policyId: fx.a.policy.id, draft, days: 7 });
    expect(await admin.policies.update({ id: fx.a.policy.id, expectedVersion: 1, policy: draft, whatIfDays: 7 })).toEqual({ version: 2 });
    const [latest, first] = await admin.policies.versions({ id: fx.a.policy.id });
    expect(latest!.whatIf).toEqual({ days: 7, requests: 1_501, totalRequests: 1_501, changed: preview.changed, costChangePct: Math.round(preview.costChangePct! * 100) / 100 });
    expect(first!.whatIf).toBeNull();
  });
});
