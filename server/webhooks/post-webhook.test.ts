// One attempt against real sockets on loopback (allowed by the test set-up): the outcome in our
// own words, whatever the receiver does.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { postWebhook } from "./post-webhook";

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

const hook = (url: string) => ({ url, secret: "whsec_x", eventId: "evt-1", event: "test" as const, body: "{}" });
const now = new Date();

describe("postWebhook", () => {
  it("gives up on a receiver that does not answer in time", async () => {
    const url = await listen(() => {});
    expect(await postWebhook(hook(url), now, { timeoutMs: 200 })).toEqual({ ok: false, httpStatus: null, error: "No answer within 0.2 s" });
  });

  it("counts a 2xx whose body then stalls as delivered, without waiting for or keeping the body", async () => {
    const url = await listen((_req, res) => {
      res.writeHead(202);
      res.write("secret internal text");
    });
    const started = performance.now();
    expect(await postWebhook(hook(url), now, { timeoutMs: 2_000 })).toEqual({ ok: true, httpStatus: 202 });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it("describes a refused connection and a receiver's error without its body", async () => {
    const closed = await listen(() => {});
    servers[0]!.close();
    expect(await postWebhook(hook(closed), now)).toEqual({ ok: false, httpStatus: null, error: "The connection was refused" });
    const failing = await listen((_req, res) => res.writeHead(500).end("stack trace at /srv/app.js:12"));
    expect(await postWebhook(hook(failing), now)).toEqual({ ok: false, httpStatus: 500, error: "The receiver answered HTTP 500" });
  });
});
