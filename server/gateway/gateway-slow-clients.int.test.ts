// Clients that send slowly must not hold the server's sockets and half-read bodies for minutes:
// past SWITCHYARD_REQUEST_TIMEOUT_MS (1.5 s here) for the whole request, headers included, the
// server answers 408 and closes the connection, while other callers are served as usual. A slow
// answer is not cut: the deadline is on what the client sends.
import { connect } from "node:net";
import OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { setupFakeProvidersGateway } from "../testing/setup-fake-providers-gateway";
import { waitForRequestLogs } from "../testing/setup-gateway";

const REQUEST_TIMEOUT_MS = 1_500;
const { fx } = setupFakeProvidersGateway({
  env: { SWITCHYARD_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS) },
  openai: { fault: (_, req) => (JSON.stringify(req.body).includes("#slow") ? { type: "slow-first-byte", delayMs: 2 * REQUEST_TIMEOUT_MS } : undefined) },
});

/** Writes `head` on a raw connection, then nothing more; resolves with what came back once the server closed it. */
function sendAndStall(head: string): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(fx.gateway.baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let text = "";
    const socket = connect(Number(port), hostname, () => socket.write(head));
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (text += chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve({ text, ms: performance.now() - started }));
    // The test's own bound: a server without the deadline would hold this for minutes.
    socket.setTimeout(15_000, () => socket.destroy(new Error(`still open after 15 s; received ${JSON.stringify(text)}`)));
  });
}

const openai = () => new OpenAI({ baseURL: fx.gateway.baseUrl, apiKey: fx.tenant.apiKey, maxRetries: 0, timeout: 30_000 });

describe("slow clients", () => {
  it("answers 408 and closes a request whose body stops arriving, and serves others meanwhile", { timeout: 30_000 }, async () => {
    const body = JSON.stringify({ model: "gpt-5.4", messages: [{ role: "user", content: "Hello" }] });
    const stalled = sendAndStall(
      `POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${fx.tenant.apiKey}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${body.length + 100}\r\n\r\n${body}`,
    );
    const served = await openai().chat.completions.create({ model: "gpt-5.4", messages: [{ role: "user", content: "Meanwhile" }] });
    expect(served.choices[0]!.message.content).toBeTruthy();

    const { text, ms } = await stalled;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
  });

  it("answers 408 to headers that never finish", { timeout: 30_000 }, async () => {
    const { text, ms } = await sendAndStall(`POST /v1/chat/completions HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer ${fx.tenant.apiKey}\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + 3_000);
  });

  it("does not cut an answer that takes longer than the request deadline", { timeout: 30_000 }, async () => {
    const started = performance.now();
    const stream = await openai().chat.completions.create({ model: "gpt-5.4", stream: true, messages: [{ role: "user", content: "Take your time #slow" }] });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? "";
    expect(text.length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeGreaterThan(2 * REQUEST_TIMEOUT_MS - 100);
  });

  it("logs the request that never arrived whole as the client's doing, not as a gateway failure", { timeout: 30_000 }, async () => {
    const rows = await waitForRequestLogs(fx, 3);
    expect(rows.map((r) => `${r.status} ${r.errorClass}`).sort()).toEqual(["200 null", "200 null", "499 client_disconnected"]);
    expect(fx.outputs()).not.toMatch(/failed:/);
  });
});
