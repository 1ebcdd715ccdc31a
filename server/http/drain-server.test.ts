// Draining a server: requests in progress finish and are answered, idle keep-alive connections
// do not hold the drain for their timeout, and a request past the grace period is cut off.
import { createServer, request, Agent, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientTimeoutOptions } from "./client-timeouts";
import { drainableServer } from "./drain-server";

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.closeAllConnections();
});

/** A server whose `/slow?ms=N` answers after N ms; `answered` lists what it finished. */
async function start() {
  const answered: string[] = [];
  const server = createServer(clientTimeoutOptions(60_000), (req, res: ServerResponse) => {
    const ms = Number(new URL(req.url ?? "/", "http://x").searchParams.get("ms") ?? 0);
    setTimeout(() => {
      if (res.destroyed) return;
      answered.push(req.url!);
      res.end("done");
    }, ms);
  });
  servers.push(server);
  const drain = drainableServer(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, drain, answered, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string, agent: Agent): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
      res.on("error", (error) => resolve({ error: error.message }));
    });
    req.on("error", (error) => resolve({ error: error.message }));
    req.end();
  });
}

describe("drainableServer", () => {
  it("lets requests in progress finish, and ends once they have, whatever keep-alive connections stay open", async () => {
    const { drain, answered, port } = await start();
    const agent = new Agent({ keepAlive: true });
    // An idle keep-alive connection: answered before the drain, left open by the client.
    expect(await get(port, "/slow?ms=0", agent)).toEqual({ status: 200, body: "done" });
    const inProgress = get(port, "/slow?ms=300", agent);
    await new Promise((r) => setTimeout(r, 50));
    const startedAt = Date.now();
    await drain(10_000);
    const took = Date.now() - startedAt;
    expect(await inProgress).toEqual({ status: 200, body: "done" });
    expect(answered).toEqual(["/slow?ms=0", "/slow?ms=300"]);
    // Ended with the request, not at the keep-alive timeout (65 s) nor at the grace period.
    expect(took).toBeGreaterThanOrEqual(200);
    expect(took).toBeLessThan(2_000);
    agent.destroy();
  });

  it("ends at once when nothing is in progress, and accepts no new connection", async () => {
    const { drain, port } = await start();
    const agent = new Agent({ keepAlive: false });
    const startedAt = Date.now();
    await drain(10_000);
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(await get(port, "/slow?ms=0", agent)).toHaveProperty("error");
  });

  it("cuts off a request still running at the end of the grace period", async () => {
    const { drain, answered, port } = await start();
    const agent = new Agent({ keepAlive: true });
    const endless = get(port, "/slow?ms=60000", agent);
    await new Promise((r) => setTimeout(r, 50));
    const startedAt = Date.now();
    await drain(200);
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(await endless).toHaveProperty("error");
    expect(answered).toEqual([]);
    agent.destroy();
  });
});
