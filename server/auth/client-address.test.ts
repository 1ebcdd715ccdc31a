import { describe, expect, it } from "vitest";
import { addressBucket, clientAddressFrom, clientAddressOf, UNKNOWN_CLIENT } from "./client-address";
import { PEER_HEADER, peerStamp } from "./stamp-peer-address";
import { NO_TRUSTED_PROXY, parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

function trusted(raw: string): TrustedProxies {
  const parsed = parseTrustedProxies(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe("client address", () => {
  it("ignores a client's X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddressFrom("198.51.100.9", "1.2.3.4", NO_TRUSTED_PROXY)).toBe("198.51.100.9");
    const headers = new Headers({ [PEER_HEADER]: peerStamp("198.51.100.9"), "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" });
    expect(clientAddressOf(headers, trusted(""))).toBe("198.51.100.9");
  });

  it("takes the address a trusted proxy reports, by hop count", () => {
    // The client forged "6.6.6.6"; the one load balancer appended what it saw.
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.7", trusted("1"))).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1", trusted("2"))).toBe("203.0.113.7");
  });

  it("takes the address a trusted proxy reports, by address range, and no further", () => {
    const proxies = trusted("10.0.0.0/8, 192.168.1.1");
    expect(clientAddressFrom("10.0.0.2", "6.6.6.6, 203.0.113.7, 192.168.1.1", proxies)).toBe("203.0.113.7");
    // A request that did not come through a trusted proxy: its header is not believed.
    expect(clientAddressFrom("198.51.100.9", "1.2.3.4", proxies)).toBe("198.51.100.9");
    // Only proxies all the way: the left-most address.
    expect(clientAddressFrom("::ffff:10.0.0.2", "10.1.1.1", proxies)).toBe("10.1.1.1");
  });

  it("reads ports, brackets and IPv4-mapped forms, and skips hops that are no address", () => {
    expect(clientAddressFrom("::ffff:198.51.100.9", null, NO_TRUSTED_PROXY)).toBe("198.51.100.9");
    expect(clientAddressFrom("10.0.0.2", "203.0.113.7:51234", trusted("1"))).toBe("203.0.113.7");
    expect(clientAddressFrom("10.0.0.2", "[2001:db8::7]:443", trusted("1"))).toBe("2001:db8::7");
    expect(clientAddressFrom("10.0.0.2", "not-an-address", trusted("1"))).toBe("10.0.0.2");
  });

  it("refuses a forged peer stamp", () => {
    const forged = new Headers({ [PEER_HEADER]: `${"00".repeat(16)} 203.0.113.7` });
    expect(clientAddressOf(forged, NO_TRUSTED_PROXY)).toBe(UNKNOWN_CLIENT);
    expect(clientAddressOf({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.7" }, trusted("1"))).toBe(UNKNOWN_CLIENT);
    expect(clientAddressOf({ [PEER_HEADER]: peerStamp("203.0.113.7") }, NO_TRUSTED_PROXY)).toBe("203.0.113.7");
  });

  it("counts IPv6 clients by /64 and IPv4 clients by address", () => {
    expect(addressBucket("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(addressBucket("::ffff:198.51.100.9")).toBe("198.51.100.9");
  });

  it("validates the setting", () => {
    expect(parseTrustedProxies("")).toEqual({ ok: true, value: { hops: 0 } });
    expect(parseTrustedProxies("2")).toEqual({ ok: true, value: { hops: 2 } });
    expect(parseTrustedProxies("10.0.0.0/8,fd00::/8")).toMatchObject({ ok: true, value: { ranges: [{ bits: 8 }, { bits: 8 }] } });
    expect(parseTrustedProxies("proxy.internal")).toMatchObject({ ok: false });
    expect(parseTrustedProxies("10.0.0.0/33")).toMatchObject({ ok: false });
  });
});
