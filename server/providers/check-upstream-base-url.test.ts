import { describe, expect, it } from "vitest";
import { checkUpstreamBaseUrl } from "./check-upstream-base-url";
import { EMPTY_ALLOW_LIST, parseUpstreamAllowList } from "./upstream-allow-list";

/** A stand-in for DNS: known names resolve to their addresses, anything else fails to resolve. */
const dns = (names: Record<string, string[]>) => async (host: string) => {
  const addresses = names[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return addresses;
};
const names = dns({ "api.example.com": ["93.184.216.34"], "internal.example.com": ["93.184.216.34", "10.1.2.3"], "models.internal": ["10.1.2.3"] });

describe("checkUpstreamBaseUrl", () => {
  it.each([
    ["http://127.0.0.1:8000/v1", "127.0.0.1 is a loopback address"],
    ["http://[::1]:8000/v1", "::1 is a loopback address"],
    ["http://10.0.0.1/v1", "10.0.0.1 is a private-network address"],
    ["http://172.16.0.1/v1", "172.16.0.1 is a private-network address"],
    ["http://192.168.1.1/v1", "192.168.1.1 is a private-network address"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"],
    ["http://100.64.0.1/", "100.64.0.1 is a carrier-grade NAT address"],
    ["http://[fd00:ec2::254]/", "fd00:ec2::254 is a unique-local IPv6 address"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"],
    ["http://0.0.0.0:8000/", "0.0.0.0 is an unspecified address"],
    ["http://2130706433/", "127.0.0.1 is a loopback address"],
    ["http://0x7f.1/", "127.0.0.1 is a loopback address"],
    ["http://internal.example.com/v1", "internal.example.com resolves to 10.1.2.3, a private-network address"],
  ])("refuses %s, naming the problem", async (url, reason) => {
    expect(await checkUpstreamBaseUrl(url, EMPTY_ALLOW_LIST, names)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it("refuses localhost through the system resolver", async () => {
    expect(await checkUpstreamBaseUrl("http://localhost:11434/v1", EMPTY_ALLOW_LIST)).toEqual({ ok: false, reason: expect.stringMatching(/^localhost resolves to .*loopback/) });
  });

  it("accepts public hosts, and names that do not resolve yet (the connect-time guard checks them later)", async () => {
    expect(await checkUpstreamBaseUrl("https://api.example.com/v1/", EMPTY_ALLOW_LIST, names)).toEqual({ ok: true, url: "https://api.example.com/v1" });
    expect(await checkUpstreamBaseUrl("https://8.8.8.8/v1", EMPTY_ALLOW_LIST, names)).toEqual({ ok: true, url: "https://8.8.8.8/v1" });
    expect(await checkUpstreamBaseUrl("https://not-yet.example.com", EMPTY_ALLOW_LIST, names)).toMatchObject({ ok: true });
  });

  it("accepts hosts and ranges the operator allowed", async () => {
    const parsed = parseUpstreamAllowList("models.internal,127.0.0.1");
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(await checkUpstreamBaseUrl("http://models.internal:8000/v1", parsed.value, names)).toMatchObject({ ok: true });
    expect(await checkUpstreamBaseUrl("http://127.0.0.1:8000/v1", parsed.value, names)).toMatchObject({ ok: true });
    expect(await checkUpstreamBaseUrl("http://127.0.0.2:8000/v1", parsed.value, names)).toMatchObject({ ok: false });
  });

  it("keeps the syntactic checks", async () => {
    expect(await checkUpstreamBaseUrl("ftp://api.example.com", EMPTY_ALLOW_LIST, names)).toEqual({ ok: false, reason: "only http and https are allowed" });
  });
});
