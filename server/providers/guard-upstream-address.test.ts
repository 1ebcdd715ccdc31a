import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardAgent } from "./guard-upstream-address";
import { EMPTY_ALLOW_LIST, parseUpstreamAllowList, type UpstreamAllowList } from "./upstream-allow-list";

let server: http.Server;
let port: number;
let received = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    received++;
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Resolve = NonNullable<Parameters<typeof guardAgent>[3]>;

/** A resolver standing in for DNS: every name resolves to `addresses`. */
const resolvingTo =
  (...addresses: string[]): Resolve =>
  (_host, _options, callback) =>
    callback(null, addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })));

function agentWith(list: UpstreamAllowList, resolve?: Resolve): http.Agent {
  return guardAgent((options) => new http.Agent(options), { keepAlive: true }, list, resolve);
}

function allowing(raw: string): UpstreamAllowList {
  const parsed = parseUpstreamAllowList(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

/** "200", or the error's name and message. */
function get(agent: http.Agent, hostname: string): Promise<string> {
  return new Promise((resolve) => {
    const req = http.request({ agent, hostname, port, path: "/" }, (res) => {
      res.resume();
      res.on("end", () => resolve(String(res.statusCode)));
    });
    req.on("error", (error) => resolve(`${error.name}: ${error.message}`));
    req.end();
  });
}

describe("guardAgent", () => {
  it.each(["127.0.0.1", "::ffff:127.0.0.1", "[::ffff:7f00:1]"])("refuses the literal address %s before connecting", async (host) => {
    const before = received;
    const agent = agentWith(EMPTY_ALLOW_LIST);
    expect(await get(agent, host)).toMatch(/^UpstreamAddressRefused: .*loopback/);
    expect(received).toBe(before);
    agent.destroy();
  });

  it("refuses a host name that resolves to loopback (localhost)", async () => {
    const before = received;
    const agent = agentWith(EMPTY_ALLOW_LIST);
    expect(await get(agent, "localhost")).toMatch(/^UpstreamAddressRefused/);
    expect(received).toBe(before);
    agent.destroy();
  });

  it("checks the address a name resolves to at connect time, so a rebinding name cannot reach an internal address", async () => {
    const before = received;
    // A name that resolved to a public address when it was saved now answers with an internal
    // one beside a public one: refused as a whole. (Loopback first: were the guard broken, the
    // test would reach the local server, never a public address.)
    const agent = agentWith(EMPTY_ALLOW_LIST, resolvingTo("127.0.0.1", "93.184.216.34"));
    expect(await get(agent, "rebind.example")).toMatch(/^UpstreamAddressRefused/);
    const metadata = agentWith(EMPTY_ALLOW_LIST, resolvingTo("169.254.169.254"));
    expect(await get(metadata, "metadata.example")).toMatch(/^UpstreamAddressRefused: .*link-local/);
    expect(received).toBe(before);
    agent.destroy();
    metadata.destroy();
  });

  it("connects to listed addresses and host names, and checks each new connection of a keep-alive agent", async () => {
    const before = received;
    const byRange = agentWith(allowing("127.0.0.0/8"));
    expect(await get(byRange, "127.0.0.1")).toBe("200");
    expect(await get(byRange, "127.0.0.1")).toBe("200");
    const byName = agentWith(allowing("models.internal"), resolvingTo("127.0.0.1"));
    expect(await get(byName, "models.internal")).toBe("200");
    expect(await get(byName, "other.internal")).toMatch(/^UpstreamAddressRefused/);
    expect(received).toBe(before + 3);
    byRange.destroy();
    byName.destroy();
  });
});
