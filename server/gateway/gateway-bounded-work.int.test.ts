// One request must never hold the server: 1M-character prompts of every shape, sent to every
// /v1 endpoint in both formats, while another client polls /api/health every 50 ms. Every poll
// must answer fast and every big request must be answered (or refused) within seconds. Token
// counting that was quadratic on long runs without spaces held the whole process for minutes.
import { afterAll, describe, expect, it } from "vitest";
import { pollHealth, type HealthPoll } from "../testing/poll-health";
import { setupGateway } from "../testing/setup-gateway";

const fx = setupGateway();

const CHARS = 1_000_000;
const TEXTS: Record<string, string> = {
  "no spaces": "a".repeat(CHARS),
  words: "the quick brown fox jumps over the lazy dog while routers count tokens ".repeat(CHARS / 70).slice(0, CHARS),
  CJK: "路由器计算令牌数量并选择模型".repeat(CHARS / 14).slice(0, CHARS),
  emoji: "😀🚀".repeat(CHARS / 4),
  digits: "1234567890".repeat(CHARS / 10),
};

const anthropicHeaders = { "anthropic-version": "2023-06-01" };

/** Every /v1 endpoint that reads a prompt, in the OpenAI and the Anthropic format. */
function requestsFor(text: string): Array<{ name: string; path: string; body: unknown; headers?: Record<string, string> }> {
  const openaiMessages = [{ role: "user", content: text }];
  return [
    { name: "chat completions", path: "/chat/completions", body: { model: "auto", messages: openaiMessages } },
    { name: "chat completions stream", path: "/chat/completions", body: { model: "auto", stream: true, messages: openaiMessages } },
    { name: "responses", path: "/responses", body: { model: "auto", input: text } },
    { name: "responses stream", path: "/responses", body: { model: "auto", stream: true, input: text } },
    { name: "messages", path: "/messages", body: { model: "auto", max_tokens: 50, messages: openaiMessages }, headers: anthropicHeaders },
    { name: "messages stream", path: "/messages", body: { model: "auto", max_tokens: 50, stream: true, messages: openaiMessages }, headers: anthropicHeaders },
    { name: "count tokens", path: "/messages/count_tokens", body: { model: "auto", messages: openaiMessages }, headers: anthropicHeaders },
    { name: "route (prompt)", path: "/route", body: { prompt: text } },
    { name: "route (Anthropic body)", path: "/route", body: { model: "auto", max_tokens: 50, messages: openaiMessages }, headers: anthropicHeaders },
    { name: "feedback", path: "/feedback", body: { request_id: "req_unknown", score: 1, comment: text } },
  ];
}

async function send(path: string, payload: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${fx.gateway.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${fx.tenant.apiKey}`, ...headers },
    body: payload,
    signal: AbortSignal.timeout(30_000),
  });
  return { res, text: await res.text() };
}

describe("bounded work per request", () => {
  const results: Array<{ name: string; at: number; ms: number; status: number }> = [];
  afterAll(() => {
    const slowest = [...results].sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log("slowest big requests:", slowest.map((r) => `${r.name} ${r.status} ${r.ms.toFixed(0)} ms`).join("; "));
  });

  it("keeps /api/health answering while 1M-character prompts hit every endpoint", { timeout: 300_000 }, async () => {
    const origin = fx.gateway.baseUrl.replace(/\/v1$/, "");
    // Bodies are serialised before the poller starts, so that the test's own work does not
    // delay its polls.
    const requests = Object.entries(TEXTS).flatMap(([shape, text]) =>
      requestsFor(text).map((r) => ({ ...r, name: `${r.name} / ${shape}`, payload: JSON.stringify(r.body) })),
    );
    // A fresh process compiles its database queries and code paths on first use: one ordinary
    // request per endpoint first, so the polls measure the big requests, not the start-up.
    for (const r of requestsFor("Hello there")) await send(r.path, JSON.stringify(r.body), r.headers);
    const poller = pollHealth(origin);
    try {
      for (const r of requests) {
        const started = performance.now();
        const { res, text } = await send(r.path, r.payload, r.headers);
        results.push({ name: r.name, at: started, ms: performance.now() - started, status: res.status });
        // Answered or refused, never failed: an error status must be a client error with a body.
        expect(res.status, `${r.name}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(text.length, r.name).toBeGreaterThan(0);
      }
    } finally {
      await poller.stop();
    }

    for (const r of results) expect(r.ms, `${r.name} took ${r.ms.toFixed(0)} ms`).toBeLessThan(5_000);
    expect(poller.polls.length).toBeGreaterThan(10);
    // A slow poll names the big request it overlapped.
    const during = (p: HealthPoll) => results.find((r) => r.at <= p.at + p.ms && p.at <= r.at + r.ms)?.name ?? "none";
    const slowPolls = poller.polls.filter((p) => p.ms >= 200).map((p) => `${p.ms.toFixed(0)} ms during ${during(p)}`);
    expect(slowPolls, "health polls of 200 ms or more").toEqual([]);
    expect(poller.polls.every((p) => p.status === 200)).toBe(true);

    const health = (await (await fetch(`${origin}/api/health`)).json()) as { eventLoopDelay: { maxMs: number; p99Ms: number } };
    console.log("server event-loop delay over the run:", health.eventLoopDelay);
    expect(health.eventLoopDelay.maxMs).toBeGreaterThan(0);
  });
});
