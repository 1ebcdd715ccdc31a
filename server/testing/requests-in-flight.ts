// Requests that are certainly in progress inside the gateway: sent through it to a fake upstream
// that answers after a pause, and returned once the upstream has every one of them, so that a
// test can stop or kill the gateway while they wait.
import { expect } from "vitest";
import type { FakeUpstream } from "./fake-upstreams";
import type { GatewayFixture } from "./setup-gateway";

export interface AnsweredRequest {
  status: number;
  id: string | null;
}

/** Sends `count` chat requests for `model` and resolves, once all reached `upstream`, to their answers (still to come). */
export async function requestsInFlight(fx: GatewayFixture, upstream: FakeUpstream, opts: { apiKey: string; model: string; count: number }): Promise<{ answers: Promise<AnsweredRequest[]> }> {
  const before = upstream.requests.length;
  const send = async (i: number): Promise<AnsweredRequest> => {
    const res = await fetch(`${fx.gateway.baseUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${opts.apiKey}` },
      body: JSON.stringify({ model: opts.model, messages: [{ role: "user", content: `In flight ${i}` }] }),
    });
    await res.text();
    return { status: res.status, id: res.headers.get("x-switchyard-request-id") };
  };
  const answers = Promise.all(Array.from({ length: opts.count }, (_, i) => send(i)));
  // Kept from becoming an unhandled rejection while the caller waits below.
  answers.catch(() => {});
  const deadline = Date.now() + 10_000;
  while (upstream.requests.length - before < opts.count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(upstream.requests.length - before).toBe(opts.count);
  return { answers };
}

/** The ids of `ids` that have no request log row. */
export async function unlogged(fx: GatewayFixture, ids: string[]): Promise<string[]> {
  const rows = await fx.db.requestLog.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const logged = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !logged.has(id));
}
