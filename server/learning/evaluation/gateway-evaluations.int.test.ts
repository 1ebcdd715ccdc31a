// Evaluations through the running gateway, against a fake OpenAI upstream that serves every model
// of the test: two answerers ("eval-small", routed to, and "eval-large", its challenger) and three
// judges (one that prefers the served answer, one that answers 500, one that never answers). Each
// policy samples every request (share 1) with one of the judges, or none (share 0). A second
// tenant has spent its whole evaluation budget this month; a third has no credentials, so its
// models and judge are simulated.
import { afterAll, describe, expect, it } from "vitest";
import { generateApiKeySecret } from "../../auth/api-key-secret";
import type { Db } from "../../db/client";
import { startFakeOpenAI, type FakeUpstream, type RecordedRequest } from "../../testing/fake-upstreams";
import { addProviderCredential } from "../../testing/seed-gateway-tenant";
import { setupGateway, waitForRequestLog } from "../../testing/setup-gateway";
import { BUILTIN_CATEGORIES } from "../../routing/types";
import { ANSWER_A_OPEN, ANSWER_CLOSE } from "./judge-prompt";

const JUDGE_TIMEOUT_MS = 1_500;

/** The served answer names its model; the good judge prefers whichever answer came from eval-small. */
function replyFor(req: RecordedRequest) {
  const model = String(req.body?.model);
  if (model !== "judge-ok") return { text: `A careful answer from ${model}.`, usage: { input: 1000, output: 1000 } };
  const prompt = JSON.stringify(req.body?.messages ?? []);
  const a = prompt.slice(prompt.indexOf(ANSWER_A_OPEN), prompt.indexOf(ANSWER_CLOSE));
  return { text: `Both are fine.\nVERDICT: ${a.includes("eval-small") ? "A" : "B"}`, usage: { input: 1000, output: 10 } };
}

async function addModels(db: Db, tenantId: string) {
  const quality = (q: number) => Object.fromEntries(BUILTIN_CATEGORIES.map((c) => [c, q]));
  const row = (slug: string, price: number, q: number) => ({
    tenantId, slug, provider: "openai", providerModelId: slug, displayName: slug, inputPricePerMTok: price, outputPricePerMTok: price, contextWindow: 100_000, quality: quality(q),
  });
  await db.model.createMany({ data: [row("eval-small", 1, 60), row("eval-large", 10, 90), row("judge-ok", 2, 95), row("judge-500", 2, 95), row("judge-hang", 2, 95)] });
}

async function addPolicy(db: Db, tenantId: string, name: string, share: number, judgeModel: string | null) {
  await db.routingPolicy.create({
    data: {
      tenantId, name, baselineModelSlug: "eval-large",
      rules: { create: BUILTIN_CATEGORIES.map((category) => ({ category, qualityBar: 0, allowedModels: ["eval-small", "eval-large"], fallbackOrder: [], evaluationShare: share, judgeModel })) },
    },
  });
}

const fakes = {} as { main: FakeUpstream; spent: FakeUpstream };
const spent = { tenantId: "", apiKey: "" };
const simulated = { tenantId: "", apiKey: "" };
const fx = setupGateway({
  env: {
    SWITCHYARD_UPSTREAM_CONNECT_TIMEOUT_MS: String(JUDGE_TIMEOUT_MS),
    SWITCHYARD_UPSTREAM_FIRST_BYTE_TIMEOUT_MS: String(JUDGE_TIMEOUT_MS),
    // The learning job would fold (and delete) the judgement events this file looks for.
    SWITCHYARD_LEARNING_INTERVAL_MS: "0",
  },
  prepare: async ({ db, tenant, masterKey }) => {
    const fault = (_: number, req: RecordedRequest) => {
      if (req.body?.model === "judge-500") return { type: "status" as const, status: 500 };
      if (req.body?.model === "judge-hang") return { type: "hang" as const };
      return undefined;
    };
    fakes.main = await startFakeOpenAI({ reply: replyFor, fault });
    fakes.spent = await startFakeOpenAI({ reply: replyFor });
    await db.tenant.update({ where: { id: tenant.tenantId }, data: { evaluationBudgetUsd: 100 } });
    await addProviderCredential(db, tenant.tenantId, "openai", { baseUrl: `${fakes.main.url}/v1`, apiKey: "sk-o", masterKey });
    await addModels(db, tenant.tenantId);
    await addPolicy(db, tenant.tenantId, "judged", 1, "judge-ok");
    await addPolicy(db, tenant.tenantId, "unsampled", 0, "judge-ok");
    await addPolicy(db, tenant.tenantId, "judge-500", 1, "judge-500");
    await addPolicy(db, tenant.tenantId, "judge-hang", 1, "judge-hang");
    // A judge whose stored base URL is a private address: the outbound guard must refuse it.
    await db.model.create({
      data: {
        tenantId: tenant.tenantId, slug: "judge-private", provider: "openai-compatible", providerModelId: "judge-private", displayName: "judge-private",
        baseUrl: "http://10.255.255.1/v1", inputPricePerMTok: 1, outputPricePerMTok: 1, contextWindow: 100_000, quality: {},
      },
    });
    await addPolicy(db, tenant.tenantId, "judge-private", 1, "judge-private");

    // A tenant whose evaluations already cost its whole budget this month.
    spent.tenantId = (await db.tenant.create({ data: { name: "Spent", slug: "spent", evaluationBudgetUsd: 1 } })).id;
    const key = generateApiKeySecret();
    await db.apiKey.create({ data: { tenantId: spent.tenantId, name: "Spent's key", prefix: key.prefix, hash: key.hash } });
    spent.apiKey = key.secret;
    await addProviderCredential(db, spent.tenantId, "openai", { baseUrl: `${fakes.spent.url}/v1`, apiKey: "sk-s", masterKey });
    await addModels(db, spent.tenantId);
    await addPolicy(db, spent.tenantId, "judged", 1, "judge-ok");
    // A tenant without credentials: every model, the judge included, is simulated.
    simulated.tenantId = (await db.tenant.create({ data: { name: "Simulated", slug: "simulated", evaluationBudgetUsd: 10 } })).id;
    const simulatedKey = generateApiKeySecret();
    await db.apiKey.create({ data: { tenantId: simulated.tenantId, name: "Simulated's key", prefix: simulatedKey.prefix, hash: simulatedKey.hash } });
    simulated.apiKey = simulatedKey.secret;
    await db.routingPolicy.create({
      data: {
        tenantId: simulated.tenantId, name: "judged", baselineModelSlug: "claude-opus-4.6",
        rules: { create: BUILTIN_CATEGORIES.map((category) => ({ category, qualityBar: 60, evaluationShare: 1, judgeModel: "gpt-5.4" })) },
      },
    });
    await db.evaluation.create({
      data: { tenantId: spent.tenantId, requestId: "req_earlier", category: "general", servedModel: "eval-small", challengerModel: "eval-large", judgeModel: "judge-ok", status: "ok", servedWins: 1, costUsd: 1 },
    });
  },
});
afterAll(async () => {
  await fakes.main?.close();
  await fakes.spent?.close();
});

let asked = 0;
async function ask(policy: string, options: { stream?: boolean; apiKey?: string } = {}) {
  const started = performance.now();
  const res = await fetch(`${fx.gateway.baseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${options.apiKey ?? fx.tenant.apiKey}` },
    body: JSON.stringify({ model: `policy/${policy}`, stream: options.stream ?? false, messages: [{ role: "user", content: `Say hello, number ${++asked}.` }] }),
  });
  const body = await res.text();
  return { status: res.status, body, requestId: res.headers.get("x-switchyard-request-id")!, model: res.headers.get("x-switchyard-model"), ms: performance.now() - started };
}

async function evaluationOf(requestId: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await fx.db.evaluation.findFirst({ where: { requestId } });
    if (row || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const requestsFor = (fake: FakeUpstream, model: string) => fake.requests.filter((r) => r.body?.model === model);

describe("evaluations through the gateway", () => {
  it("share 1: every routed request gets an Evaluation row and a judgement event, streamed or not", async () => {
    const answers = [await ask("judged"), await ask("judged", { stream: true }), await ask("judged")];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const row = await evaluationOf(answer.requestId);
      // The judge prefers eval-small's answer in both positions: the served answer won twice.
      expect(row).toMatchObject({ tenantId: fx.tenant.tenantId, servedModel: "eval-small", challengerModel: "eval-large", judgeModel: "judge-ok", status: "ok", servedWins: 1 });
      // Challenger: 2000 tokens at $10/M; two judge calls: 1010 tokens at $2/M each.
      expect(Number(row!.costUsd)).toBeCloseTo(0.02 + 2 * 0.00202, 8);
      const events = await fx.db.learningEvent.findMany({ where: { requestId: answer.requestId } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ tenantId: fx.tenant.tenantId, kind: "judgement", score: 1, payload: { category: row!.category, served: "eval-small", challenger: "eval-large", evaluationId: row!.id } });
    }
    // The judge saw the streamed answer as the caller got it, in both positions.
    const streamed = answers[1]!.requestId;
    const judged = requestsFor(fakes.main, "judge-ok").filter((r) => JSON.stringify(r.body).includes(`number ${asked - 1}.`));
    expect(judged).toHaveLength(2);
    for (const r of judged) expect(JSON.stringify(r.body)).toContain("A careful answer from eval-small.");
    expect(streamed).toBeTruthy();
    // Operators see the process's evaluation queue in the health check; nothing was dropped.
    const health = await (await fetch(`${fx.gateway.baseUrl.replace(/\/v1$/, "")}/api/health`)).json();
    expect(health.evaluations).toEqual({ pending: expect.any(Number), running: expect.any(Number), dropped: 0 });
  });

  it("share 0: no evaluation, no challenger call", async () => {
    const before = requestsFor(fakes.main, "eval-large").length;
    const answer = await ask("unsampled");
    expect(answer.status).toBe(200);
    await waitForRequestLog(fx.db, answer.requestId);
    await new Promise((r) => setTimeout(r, 500));
    expect(await fx.db.evaluation.count({ where: { requestId: answer.requestId } })).toBe(0);
    expect(await fx.db.learningEvent.count({ where: { requestId: answer.requestId } })).toBe(0);
    expect(requestsFor(fakes.main, "eval-large").length).toBe(before);
  });

  it("the spend cap stops evaluations: over_budget rows and no challenger or judge calls", async () => {
    const answers = [await ask("judged", { apiKey: spent.apiKey }), await ask("judged", { apiKey: spent.apiKey })];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(await evaluationOf(answer.requestId)).toMatchObject({ status: "over_budget", servedWins: null });
      expect(await fx.db.learningEvent.count({ where: { requestId: answer.requestId } })).toBe(0);
    }
    expect(fakes.spent.requests.map((r) => r.body?.model)).toEqual(["eval-small", "eval-small"]);
  });

  it.each([["judge-500"], ["judge-hang"], ["judge-private"]])("a failing judge (%s) leaves the caller's answer and usage record as they were: judge_failed, nothing lost", async (policy) => {
    const answer = await ask(policy);
    expect(answer.status).toBe(200);
    expect(answer.model).toBe("eval-small");
    expect(JSON.parse(answer.body).choices[0].message.content).toBe("A careful answer from eval-small.");
    // The judge is only asked after the answer went out: a hanging one cannot slow it.
    expect(answer.ms).toBeLessThan(JUDGE_TIMEOUT_MS);
    const log = await waitForRequestLog(fx.db, answer.requestId);
    expect(log).toMatchObject({ status: 200, chosenModel: "eval-small", errorClass: null, inputTokens: 1000, outputTokens: 1000 });
    const row = await evaluationOf(answer.requestId, 15_000);
    expect(row).toMatchObject({ status: "judge_failed", servedWins: null, challengerModel: "eval-large" });
    // The challenger's answer was paid for and is counted; the failed judge calls cost nothing.
    expect(Number(row!.costUsd)).toBeCloseTo(0.02, 8);
    expect(await fx.db.learningEvent.count({ where: { requestId: answer.requestId } })).toBe(0);
    // The private judge was refused by the outbound guard (said in the server's log only), not merely slow.
    if (policy === "judge-private") expect(fx.gateway.output()).toMatch(new RegExp(`${answer.requestId} judge judge-private .*only reach public addresses`));
  });

  it("with simulated models, the simulated judge's verdicts are read and priced like a real judge's", async () => {
    const answers = [await ask("judged", { apiKey: simulated.apiKey }), await ask("judged", { apiKey: simulated.apiKey, stream: true })];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const row = await evaluationOf(answer.requestId);
      expect(row).toMatchObject({ tenantId: simulated.tenantId, judgeModel: "gpt-5.4", status: "ok" });
      expect([0, 0.25, 0.5, 0.75, 1]).toContain(row!.servedWins);
      expect(Number(row!.costUsd)).toBeGreaterThan(0);
      expect(await fx.db.learningEvent.count({ where: { requestId: answer.requestId, kind: "judgement" } })).toBe(1);
    }
  });
});
