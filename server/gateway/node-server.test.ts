// The `npm start` server's path split: the lean listener answers the gateway's paths itself and
// hands every other request, untouched, to the console's handler (here a stand-in for Next.js).
// Without a database: the answers checked are the ones the lean side gives before any look-up.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayListener, isGatewayPath } from "./node-server";

const servers: Server[] = [];

async function serve(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const seenByConsole: string[] = [];
const consoleStandIn: RequestListener = (req, res) => {
  seenByConsole.push(`${req.method} ${req.url}`);
  res.writeHead(200, { "content-type": "text/plain" }).end("console");
};

let combined = "";
let gatewayAlone = "";
beforeAll(async () => {
  combined = await serve(gatewayListener(consoleStandIn));
  gatewayAlone = await serve(gatewayListener());
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("gatewayListener with the console's handler", () => {
  it("hands the console's pages and APIs over with their method, path and query", async () => {
    for (const [method, path] of [
      ["GET", "/"],
      ["GET", "/sign-in?callbackUrl=%2Fkeys"],
      ["POST", "/api/trpc/policies.update"],
      ["GET", "/api/auth/session"],
      ["GET", "/_next/static/chunks/main.js"],
      // Only /v1 itself and what lies under it is the gateway's.
      ["GET", "/v1beta/models"],
    ] as const) {
      const res = await fetch(`${combined}${path}`, { method, body: method === "POST" ? "{}" : undefined });
      expect(await res.text()).toBe("console");
      expect(seenByConsole.at(-1)).toBe(`${method} ${path}`);
    }
  });

  it("answers the gateway's paths itself, never reaching the console's handler", async () => {
    const before = seenByConsole.length;
    expect(await (await fetch(`${combined}/healthz`)).json()).toEqual({ status: "ok" });

    const wrongMethod = await fetch(`${combined}/v1/chat/completions?x=1`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");

    const unknown = await fetch(`${combined}/v1/images/generations`, { method: "POST", body: "{}", headers: { "anthropic-version": "2023-06-01" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ type: "error", error: { type: "not_found_error" } });
    expect((await fetch(`${combined}/v1`)).status).toBe(404);

    // The health report is this process's own (no database here: degraded, as JSON).
    const health = await fetch(`${combined}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "degraded", database: { reachable: false }, eventLoopDelay: expect.any(Object) });

    expect(seenByConsole.length).toBe(before);
  });
});

describe("gatewayListener alone (npm run gateway)", () => {
  it("answers every other path with the gateway's JSON 404", async () => {
    const res = await fetch(`${gatewayAlone}/sign-in`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { message: expect.stringContaining("Unknown path GET /sign-in") } });
  });
});

describe("isGatewayPath", () => {
  it("takes /v1 and below, the two health checks and /metrics, nothing else", () => {
    expect(["/v1", "/v1/", "/v1/messages", "/v1/models/policy%2Fdefault", "/healthz", "/api/health", "/metrics"].every(isGatewayPath)).toBe(true);
    expect(["/", "/v1beta", "/v10/x", "/api/healthz", "/api/trpc/x", "/sign-in", "/V1/messages"].some(isGatewayPath)).toBe(false);
  });
});
