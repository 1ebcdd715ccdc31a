import { describe, expect, it } from "vitest";
import { ssoDomainSchema } from "./sso-domains";

describe("ssoDomainSchema", () => {
  it("takes a domain as people type it", () => {
    expect(ssoDomainSchema.parse("  @Example.COM ")).toBe("example.com");
  });

  it("refuses a very long string by its length, before trimming or lower-casing it", () => {
    const result = ssoDomainSchema.safeParse(`${" ".repeat(1_000)}example.com`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Too long for a domain (at most 253 characters)");
  });
});
