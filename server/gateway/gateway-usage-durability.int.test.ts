// Usage records survive a database outage and a graceful restart: the gateway serves from its
// in-process caches while the database is cut (no round trip on the hot path), buffers the
// records, and writes each exactly once when the database is back or when it shuts down; a
// shutdown lets the requests in progress finish first.
import OpenAI from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { setupFakeProvidersGateway } from "../testing/setup-fake-providers-gateway";
import { requestsInFlight, unlogged } from "../testing/requests-in-flight";
import { setupGateway, waitForRequestLogs } from "../testing/setup-gateway";
import { startTcpProxy, type TcpProxy } from "../testing/tcp-proxy";

let proxy: TcpProxy;
const fx = setupGateway({
  databaseUrl: async (url) => {
    const parsed = new URL(url);
    proxy = await startTcpProxy(parsed.hostname, Number(parsed.port || 5432));
    parsed.hostname = "127.0.0.1";
    parsed.port = String(proxy.port);
    return parsed.toString();
  },
});
afterAll(async () => {
  await proxy?.close();
});

const client = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 20_000 });
const chat = (prompt: string, model = "auto") => client().chat.completions.create({ model, messages: [{ role: "user", content: prompt }] });
const rowCount = () => fx.db.requestLog.count({ where: { tenantId: fx.tenant.tenantId } });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("usage records through outages and restarts", () => {
  it("serves from caches while the database is down, then writes every record once", async () => {
    await chat("warm up the caches");
    await chat("warm up the caches", "policy/default");
    expect(await waitForRequestLogs(fx, 2)).toHaveLength(2);

    await proxy.cut();
    const answers = await Promise.all([1, 2, 3, 4].map((i) => chat(`during the outage ${i}`)));
    expect(answers.every((a) => a.choices[0]?.message.content)).toBe(true);
    // A failure is logged too.
    expect(await chat("unknown model", "gpt-0").catch((e: unknown) => e)).toBeInstanceOf(OpenAI.NotFoundError);
    await sleep(500);
    expect(await rowCount()).toBe(2);

    await proxy.restore();
    const logs = await waitForRequestLogs(fx, 7);
    expect(logs).toHaveLength(7);
    expect(new Set(logs.map((log) => log.id)).size).toBe(7);
    expect(logs.filter((log) => log.status === 404)).toHaveLength(1);
    const rollups = await fx.db.usageRollup.findMany({ where: { tenantId: fx.tenant.tenantId } });
    expect(rollups.reduce((sum, r) => sum + r.requests, 0)).toBe(7);
  });

  it("flushes buffered records on a graceful shutdown", async () => {
    // A flush interval far beyond the test keeps the records in the buffer until SIGTERM.
    await fx.restart({ SWITCHYARD_USAGE_FLUSH_MS: "600000" });
    const before = await rowCount();
    await Promise.all([1, 2, 3].map((i) => chat(`buffered ${i}`)));
    await sleep(300);
    expect(await rowCount()).toBe(before);

    expect(await fx.gateway.stop("SIGTERM")).toBe(0);
    expect(await rowCount()).toBe(before + 3);
    await fx.restart();
  });
});

describe("a graceful shutdown with requests in progress", () => {
  const { fx: slow, fakes } = setupFakeProvidersGateway({
    env: { SWITCHYARD_WORKERS: "1", SWITCHYARD_USAGE_FLUSH_MS: "600000" },
    openai: { fault: { type: "slow-first-byte", delayMs: 600 } },
  });

  it("answers and records them before the process exits", async () => {
    const { answers } = await requestsInFlight(slow, fakes.openai, { apiKey: slow.tenant.apiKey, model: "gpt-5.4", count: 4 });
    const exitCode = slow.gateway.stop("SIGTERM");
    const results = await answers;
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await exitCode).toBe(0);
    expect(await unlogged(slow, results.map((r) => r.id!))).toEqual([]);
  });
});
