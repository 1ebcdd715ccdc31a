import { describe, expect, it } from "vitest";
import { EMPTY_ALLOW_LIST, parseUpstreamAllowList, refusedAddressClass, type UpstreamAllowList } from "./upstream-allow-list";

function listOf(raw: string): UpstreamAllowList {
  const parsed = parseUpstreamAllowList(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

describe("parseUpstreamAllowList", () => {
  it("reads host names, addresses and CIDR ranges, ignoring blanks and case", () => {
    const list = listOf(" Models.Internal. , 10.0.0.0/8,127.0.0.1,,[fd00::1], fd12::/16 ");
    expect([...list.hosts]).toEqual(["models.internal"]);
    expect(list.ranges.map((r) => r.bits)).toEqual([8, 32, 128, 16]);
  });

  it("is empty for an empty value", () => {
    expect(listOf("")).toEqual({ hosts: new Set(), ranges: [] });
  });

  it.each(["10.0.0.0/33", "models.internal/8", "http://models.internal", "a b", "10.1", "0x7f.1", "-bad.example"])("refuses %s", (raw) => {
    expect(parseUpstreamAllowList(raw)).toMatchObject({ ok: false, reason: expect.stringContaining(raw) });
  });
});

describe("refusedAddressClass", () => {
  it("lets public addresses through and refuses the others without an allow-list", () => {
    expect(refusedAddressClass(EMPTY_ALLOW_LIST, "api.openai.com", "162.159.140.245")).toBeNull();
    expect(refusedAddressClass(EMPTY_ALLOW_LIST, "evil.example", "127.0.0.1")).toBe("loopback");
    expect(refusedAddressClass(EMPTY_ALLOW_LIST, "evil.example", "::ffff:169.254.169.254")).toBe("link-local");
    expect(refusedAddressClass(EMPTY_ALLOW_LIST, "evil.example", "not-an-address")).toBe("invalid");
  });

  it("lets a listed host name through whatever it resolves to", () => {
    const list = listOf("models.internal");
    expect(refusedAddressClass(list, "models.internal", "10.1.2.3")).toBeNull();
    expect(refusedAddressClass(list, "MODELS.INTERNAL.", "10.1.2.3")).toBeNull();
    expect(refusedAddressClass(list, "other.internal", "10.1.2.3")).toBe("private");
    expect(refusedAddressClass(list, "sub.models.internal", "10.1.2.3")).toBe("private");
  });

  it("lets addresses in a listed range through, in IPv4 and IPv4-mapped form, and nothing next to it", () => {
    const list = listOf("10.0.0.0/8,127.0.0.1,fd00::/8");
    expect(refusedAddressClass(list, "any", "10.9.8.7")).toBeNull();
    expect(refusedAddressClass(list, "any", "::ffff:10.9.8.7")).toBeNull();
    expect(refusedAddressClass(list, "any", "127.0.0.1")).toBeNull();
    expect(refusedAddressClass(list, "any", "127.0.0.2")).toBe("loopback");
    expect(refusedAddressClass(list, "any", "fd00::5")).toBeNull();
    expect(refusedAddressClass(list, "any", "fc00::5")).toBe("unique-local");
    expect(refusedAddressClass(list, "any", "192.168.0.1")).toBe("private");
    expect(refusedAddressClass(list, "any", "169.254.169.254")).toBe("link-local");
  });
});
