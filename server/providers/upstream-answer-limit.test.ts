// An upstream is not trusted to end: a tenant's custom base URL may point at any public server.
// Whatever it sends (a body that never ends, a small gzip body that inflates to gigabytes, an
// endless stream, a huge error page), a call reads a bounded number of bytes and closes the
// connection, instead of holding the answer in the memory every tenant's requests share.
import http from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { closeAfterEachTest } from "@/server/testing/close-after-each-test";
import { listenOnLoopback } from "@/server/testing/fake-upstreams/loopback-server";
import { callProvider } from "./call-provider";
import { openaiAdapter } from "./openai";
import { simpleRequest, targetFor } from "./test-requests";
import { UpstreamError } from "./upstream-error";
import { MAX_ERROR_BODY_BYTES } from "./upstream-http";

const LIMIT = 64 * 1024;

/** A server that answers every request with `respond`; `closed` resolves when the client dropped the answer. */
const startServer = closeAfterEachTest(async (respond: (res: http.ServerResponse) => void) => {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => respond(res));
  });
  return listenOnLoopback(server, []);
});

/** Writes `piece` until the client goes away; `gone` is called then. */
function endless(res: http.ServerResponse, piece: string, gone: () => void) {
  const write = () => {
    while (!res.destroyed && res.write(piece));
    if (!res.destroyed) res.once("drain", write);
  };
  res.once("close", gone);
  write();
}

function closedSignal() {
  let resolve!: () => void;
  const closed = new Promise<void>((r) => (resolve = r));
  return { closed, gone: () => resolve() };
}

const chunkEvent = (text: string) => `data: ${JSON.stringify({ id: "c1", object: "chat.completion.chunk", model: "gpt-5.4", choices: [{ index: 0, delta: { content: text }, finish_reason: null }] })}\n\n`;

describe("upstream answers are read up to a limit", () => {
  it("fails a JSON body that never ends, and closes its connection", async () => {
    const { closed, gone } = closedSignal();
    const upstream = await startServer((res) => {
      res.writeHead(200, { "content-type": "application/json" });
      endless(res, `{"padding":"${"x".repeat(16_000)}",`, gone);
    });
    const error = await callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false), { maxAnswerBytes: LIMIT }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ kind: "connection", retryable: true });
    expect((error as UpstreamError).detail).toMatch(/larger than 65536 bytes/);
    await closed;
  });

  it("counts a compressed body's bytes after decompression", async () => {
    // 10 MB of JSON whitespace in about 10 KB of gzip.
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, " "));
    expect(bomb.length).toBeLessThan(LIMIT);
    const upstream = await startServer((res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(bomb));
    const error = await callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false), { maxAnswerBytes: LIMIT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "connection" });
    expect((error as UpstreamError).detail).toMatch(/larger than/);
  });

  it("ends a stream that never ends with an error once it passes the limit", async () => {
    const { closed, gone } = closedSignal();
    const upstream = await startServer((res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      endless(res, chunkEvent("more "), gone);
    });
    const stream = await callProvider(openaiAdapter, { ...simpleRequest, stream: true }, targetFor(upstream.url, true), { maxAnswerBytes: LIMIT });
    let text = "";
    const error = await (async () => {
      for await (const event of stream) if (event.type === "text") text += event.text;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "stream_broken" });
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(LIMIT);
    await closed;
  });

  it("keeps only the first bytes of an error answer, whatever its size", async () => {
    const { closed, gone } = closedSignal();
    const upstream = await startServer((res) => {
      res.writeHead(500, { "content-type": "text/html" });
      endless(res, "<p>Internal error</p>".repeat(1_000), gone);
    });
    const error = await callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false), { maxAnswerBytes: LIMIT }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server", status: 500 });
    expect(JSON.stringify(error).length + String((error as Error).message).length).toBeLessThan(2 * MAX_ERROR_BODY_BYTES);
    await closed;
  });

  it("reads an ordinary answer under the limit as before", async () => {
    const upstream = await startServer((res) =>
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ id: "r1", model: "gpt-5.4", choices: [{ index: 0, message: { role: "assistant", content: "Hello." }, finish_reason: "stop" }], usage: { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 } }),
      ),
    );
    const answer = await callProvider(openaiAdapter, simpleRequest, targetFor(upstream.url, false), { maxAnswerBytes: LIMIT });
    expect(answer.content).toBe("Hello.");
  });
});
