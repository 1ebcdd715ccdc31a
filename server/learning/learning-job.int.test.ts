// Routing that learns, through the running gateway: feedback sent over HTTP is folded by a learning
// round into the tenant's learned state, and /v1/route then shows the profile used with its
// evidence; category corrections move similar prompts for that tenant only; feedback that arrives
// before its log row is written waits in the queue and is folded once the row is there (by the
// gateway's own job); one process folds at a time; and the learned state rides with the cached config (no statement reaches
// the database while it routes).
import { afterAll, describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../auth/api-key-secret";
import { createOrderedPolicy } from "../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog } from "../testing/setup-gateway";
import { startQueryCountingProxy, type QueryCountingProxy } from "../testing/query-counting-proxy";
import { LEARNING_LOCK_KEY, runLearningRound } from "./learning-job";

const CODING_PROMPT = "Write a Python function that returns the second largest number in a list.";
const BILLING_PROMPT = "I was charged twice for my subscription this month, please refund the duplicate payment";
const BILLING_LIKE = "I was charged twice on my card for the subscription, I want a refund";

let proxy: QueryCountingProxy;
const other = { tenantId: "", apiKey: "" };
const fx = setupGateway({
  // Rounds are run by the test (the harness turns the gateway's own job off; the last test turns it on).
  databaseUrl: async (url) => {
    const parsed = new URL(url);
    proxy = await startQueryCountingProxy(parsed.hostname, Number(parsed.port || 5432));
    parsed.hostname = "127.0.0.1";
    parsed.port = String(proxy.port);
    return parsed.toString();
  },
  prepare: async ({ db }) => {
    other.tenantId = (await db.tenant.create({ data: { name: "Other", slug: "other" } })).id;
    await createOrderedPolicy(db, other.tenantId, "default", ["gpt-5.4", "claude-opus-4.6", "gemini-3.1-pro"]);
    await db.routingPolicy.updateMany({ where: { tenantId: other.tenantId }, data: { isDefault: true } });
    const key = generateApiKeySecret();
    await db.apiKey.create({ data: { tenantId: other.tenantId, name: "Other's key", prefix: key.prefix, hash: key.hash } });
    other.apiKey = key.secret;
  },
});
afterAll(async () => {
  await proxy?.close();
});

async function post(path: string, apiKey: string, body: unknown) {
  const res = await fetch(`${fx.gateway.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function chat(prompt: string, apiKey = fx.tenant.apiKey): Promise<string> {
  const res = await post("/chat/completions", apiKey, { model: "auto", messages: [{ role: "user", content: prompt }] });
  expect(res.status).toBe(200);
  return res.headers.get("x-switchyard-request-id")!;
}

interface RouteLearningReport {
  static_difficulty: number;
  learned_difficulty: unknown;
  profiles: { model: string; source: string; quality: number | null; catalog_quality: number | null; evidence: number }[];
  learned_category: { category: string; similarity: number; corrections: number } | null;
}
type RouteAnswer = { category: string; category_source: string; model: string; notes: string[]; learning: RouteLearningReport | null };

async function routeOf(prompt: string, apiKey = fx.tenant.apiKey): Promise<RouteAnswer> {
  const res = await post("/route", apiKey, { prompt });
  expect(res.status).toBe(200);
  return res.body as unknown as RouteAnswer;
}

/** Polls /v1/route until `done` holds: the gateway reloads its config when the round's NOTIFY arrives. */
async function routeUntil(prompt: string, done: (r: RouteAnswer) => boolean, apiKey = fx.tenant.apiKey): Promise<RouteAnswer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const r = await routeOf(prompt, apiKey);
    if (done(r) || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("learning from evidence", () => {
  it("folds feedback into the served model's profile, which /v1/route then uses with its evidence", async () => {
    const before = await routeOf(CODING_PROMPT);
    expect(before.learning).toMatchObject({ profiles: [], learned_category: null, learned_difficulty: null });
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push(await chat(`${CODING_PROMPT} (${i})`));
    for (const id of ids) expect((await post("/feedback", fx.tenant.apiKey, { request_id: id, score: 1 })).status).toBe(201);
    const rows = await Promise.all(ids.map((id) => waitForRequestLog(fx.db, id)));
    const served = rows[0]!.chosenModel!;
    expect(rows.every((r) => r.chosenModel === served && r.category === "coding")).toBe(true);

    const round = await runLearningRound(fx.db);
    expect(round).toMatchObject({ locked: true, folded: 40, waiting: 0, dropped: 0, tenants: [fx.tenant.tenantId] });
    expect(await fx.db.learningEvent.count({ where: { tenantId: fx.tenant.tenantId, kind: "feedback" } })).toBe(0);
    const stored = await fx.db.tenantLearning.findUnique({ where: { tenantId: fx.tenant.tenantId } });
    expect(stored?.profiles).toEqual({ coding: { [served]: { successes: 40, failures: 0 } } });
    // A second round finds nothing: each event counted once.
    expect(await runLearningRound(fx.db)).toMatchObject({ taken: 0, tenants: [] });

    const after = await routeUntil(CODING_PROMPT, (r) => (r.learning?.profiles.length ?? 0) > 0);
    expect(after.learning!.profiles).toEqual([expect.objectContaining({ model: served, source: "profile", evidence: 40 })]);
    const use = after.learning!.profiles[0]!;
    expect(use.quality!).toBeGreaterThan(use.catalog_quality!);
    expect(after.notes.some((n) => n.includes(`${served}: quality`) && n.includes("40 outcomes"))).toBe(true);
  });

  it("learns a category correction for that tenant's similar prompts only", async () => {
    const classifierSaid = (await routeOf(BILLING_LIKE)).category;
    const corrected = classifierSaid === "science" ? "math" : "science";
    const id = await chat(BILLING_PROMPT);
    expect((await post("/feedback", fx.tenant.apiKey, { request_id: id, category: corrected })).status).toBe(201);
    await waitForRequestLog(fx.db, id);
    expect(await runLearningRound(fx.db)).toMatchObject({ folded: 1, tenants: [fx.tenant.tenantId] });

    const learned = await routeUntil(BILLING_LIKE, (r) => r.category_source === "learned");
    expect(learned).toMatchObject({ category: corrected, category_source: "learned", learning: { learned_category: { category: corrected } } });
    // Unrelated prompts keep the classifier's category; another tenant is not affected.
    expect((await routeOf(CODING_PROMPT)).category_source).not.toBe("learned");
    const others = await routeOf(BILLING_LIKE, other.apiKey);
    expect(others.category_source).not.toBe("learned");
    expect(others.learning?.learned_category ?? null).toBeNull();
  });

  it("folds nothing while another process holds the round's lock, and everything once it is free", async () => {
    const id = await chat(CODING_PROMPT);
    expect((await post("/feedback", fx.tenant.apiKey, { request_id: id, score: 1 })).status).toBe(201);
    await waitForRequestLog(fx.db, id);
    await fx.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LEARNING_LOCK_KEY}::bigint)`;
      expect(await runLearningRound(fx.db)).toMatchObject({ locked: false, taken: 0 });
    });
    expect(await fx.db.learningEvent.count({ where: { requestId: id } })).toBe(1);
    expect(await runLearningRound(fx.db)).toMatchObject({ locked: true, folded: 1 });
    expect(await fx.db.learningEvent.count({ where: { requestId: id } })).toBe(0);
  });

  it("folds new evidence ahead of a queue full of events still waiting for their log rows", async () => {
    const options = { maxEvents: 3, maxAttempts: 60, maxAgeMs: 60 * 60_000 };
    const orphans = Array.from({ length: 3 }, (_, i) => ({ tenantId: fx.tenant.tenantId, requestId: `never-logged-${i}`, kind: "feedback", score: 1 }));
    await fx.db.learningEvent.createMany({ data: orphans });
    expect(await runLearningRound(fx.db, new Date(), options)).toMatchObject({ taken: 3, waiting: 3, folded: 0 });

    const id = await chat(CODING_PROMPT);
    expect((await post("/feedback", fx.tenant.apiKey, { request_id: id, score: 1 })).status).toBe(201);
    await waitForRequestLog(fx.db, id);
    // The waiting events were tried once: the new one (never tried) is taken before them.
    expect(await runLearningRound(fx.db, new Date(), options)).toMatchObject({ folded: 1, waiting: 2 });
    expect(await fx.db.learningEvent.count({ where: { requestId: id } })).toBe(0);
    await fx.db.learningEvent.deleteMany({ where: { requestId: { startsWith: "never-logged-" } } });
  });

  it("routes with the learned state without a database round trip", async () => {
    await routeOf(BILLING_LIKE); // config and key cached (both are kept 30 s)
    const before = proxy.statements();
    for (let i = 0; i < 10; i++) expect((await routeOf(BILLING_LIKE)).category_source).toBe("learned");
    expect(proxy.statements()).toBe(before);
    // The counter does count: a chat request's log row reaches the database.
    await waitForRequestLog(fx.db, await chat(CODING_PROMPT));
    expect(proxy.statements()).toBeGreaterThan(before);
  });

  it("keeps feedback that arrives before its log row, and the gateway's own job folds it once the row is written", async () => {
    await fx.restart({ SWITCHYARD_USAGE_FLUSH_MS: "600000" });
    const id = await chat(CODING_PROMPT);
    expect((await post("/feedback", fx.tenant.apiKey, { request_id: id, score: 0 })).status).toBe(201);
    expect(await fx.db.requestLog.findUnique({ where: { id } })).toBeNull();
    expect(await runLearningRound(fx.db)).toMatchObject({ folded: 0, waiting: 1, tenants: [] });
    expect(await fx.db.learningEvent.findMany({ where: { requestId: id } })).toEqual([expect.objectContaining({ attempts: 1 })]);

    const learnedBefore = await fx.db.tenantLearning.findUniqueOrThrow({ where: { tenantId: fx.tenant.tenantId } });
    // Stopping the gateway writes its buffered log rows; the next one folds on its own every 200 ms.
    await fx.restart({ SWITCHYARD_LEARNING_INTERVAL_MS: "200" });
    const row = await waitForRequestLog(fx.db, id);
    const deadline = Date.now() + 10_000;
    while ((await fx.db.learningEvent.count({ where: { requestId: id } })) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await fx.db.learningEvent.count({ where: { requestId: id } })).toBe(0);
    const learned = await fx.db.tenantLearning.findUniqueOrThrow({ where: { tenantId: fx.tenant.tenantId } });
    const evidence = (l: typeof learned) => (l.profiles as Record<string, Record<string, { successes: number; failures: number }>>)[row.category!]?.[row.chosenModel!];
    expect(evidence(learned)!.failures).toBe((evidence(learnedBefore)?.failures ?? 0) + 1);
    expect((learned.folded as Record<string, number>).feedback).toBe((learnedBefore.folded as Record<string, number>).feedback! + 1);
  });
});
