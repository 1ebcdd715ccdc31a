import { describe, expect, it } from "vitest";
import { addressBytes, classifyAddress, inCidr, parseCidr } from "./classify-address";

describe("classifyAddress", () => {
  it.each([
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "reserved"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "shared"],
    ["100.127.255.255", "shared"],
    ["169.254.169.254", "link-local"],
    ["169.254.0.1", "link-local"],
    ["192.0.0.192", "reserved"],
    ["198.18.0.1", "reserved"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    // Just outside the private ranges.
    ["172.15.255.255", "public"],
    ["172.32.0.0", "public"],
    ["100.63.255.255", "public"],
    ["100.128.0.0", "public"],
    ["11.0.0.1", "public"],
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
  ] as const)("IPv4 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd00:ec2::254", "unique-local"],
    ["ff02::1", "multicast"],
    ["fec0::1", "private"],
    ["2001:db8::1", "reserved"],
    ["::7f00:1", "reserved"],
    ["2606:4700:4700::1111", "public"],
    ["2a00:1450:4001:80b::200e", "public"],
  ] as const)("IPv6 %s is %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:0.0.0.0", "unspecified"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["64:ff9b::808:808", "public"],
  ] as const)("an IPv6 form of an IPv4 address, %s, is judged as that address: %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it("is null for what is not an IP address", () => {
    expect(classifyAddress("localhost")).toBeNull();
    expect(classifyAddress("2130706433")).toBeNull();
    expect(classifyAddress("0x7f.1")).toBeNull();
    expect(classifyAddress("")).toBeNull();
  });

  // Odd encodings never reach the classifier as such: the URL parser (Node's, which both the
  // save-time check and the HTTP client use) turns them into the dotted or compressed form.
  it.each([
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://127.1/", "127.0.0.1"],
    ["http://0/", "0.0.0.0"],
    ["http://[::ffff:127.0.0.1]/", "[::ffff:7f00:1]"],
    ["http://[0:0:0:0:0:0:0:1]/", "[::1]"],
  ])("the URL parser normalises %s to %s, which is not public", (url, host) => {
    const { hostname } = new URL(url);
    expect(hostname).toBe(host);
    expect(classifyAddress(hostname)).not.toBe("public");
  });
});

describe("CIDR ranges", () => {
  it("parses ranges and single addresses, and refuses malformed ones", () => {
    expect(parseCidr("10.0.0.0/8")).toEqual({ bytes: [10, 0, 0, 0], bits: 8 });
    expect(parseCidr("127.0.0.1")).toEqual({ bytes: [127, 0, 0, 1], bits: 32 });
    expect(parseCidr("fd00::/8")?.bits).toBe(8);
    expect(parseCidr("10.0.0.0/33")).toBeNull();
    expect(parseCidr("fd00::/129")).toBeNull();
    expect(parseCidr("10.0.0.0/8/1")).toBeNull();
    expect(parseCidr("models.internal/8")).toBeNull();
  });

  it("matches addresses by prefix, including prefixes that end inside a byte", () => {
    const range = parseCidr("172.16.0.0/12")!;
    expect(inCidr(addressBytes("172.16.0.1")!, range)).toBe(true);
    expect(inCidr(addressBytes("172.31.255.255")!, range)).toBe(true);
    expect(inCidr(addressBytes("172.32.0.0")!, range)).toBe(false);
    expect(inCidr(addressBytes("::ffff:172.16.0.1")!, range)).toBe(false);
    expect(inCidr(addressBytes("1.2.3.4")!, parseCidr("0.0.0.0/0")!)).toBe(true);
  });
});
