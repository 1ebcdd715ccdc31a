// The stamping hook on a real HTTP server on loopback: whatever a client sends, the handler
// sees the socket's address.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddressOf } from "./client-address";
import { PEER_HEADER, peerStamp, stampPeerAddresses } from "./stamp-peer-address";
import { NO_TRUSTED_PROXY } from "./trusted-proxies";

describe("peer address stamping", () => {
  let server: http.Server;
  let url: string;

  beforeAll(async () => {
    stampPeerAddresses();
    server = http.createServer((req, res) => res.end(clientAddressOf(req.headers, NO_TRUSTED_PROXY)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("gives the handler the socket's address, not a forged header", async () => {
    const forged = { "x-forwarded-for": "203.0.113.7", [PEER_HEADER]: "anything 203.0.113.7" };
    expect(await (await fetch(url, { headers: forged })).text()).toBe("127.0.0.1");
    // Even a well-formed stamp a client copied is replaced by the real one.
    expect(await (await fetch(url, { headers: { [PEER_HEADER]: peerStamp("203.0.113.7") } })).text()).toBe("127.0.0.1");
  });
});
