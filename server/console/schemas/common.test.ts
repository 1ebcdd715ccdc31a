import { describe, expect, it } from "vitest";
import { categoryNameSchema } from "./common";

describe("categoryNameSchema", () => {
  it("takes lower-case names and refuses one that every object has as a property", () => {
    expect(categoryNameSchema.parse(" legal_review ")).toBe("legal_review");
    expect(categoryNameSchema.safeParse("Legal").success).toBe(false);
    const reserved = categoryNameSchema.safeParse("constructor");
    expect(reserved.success).toBe(false);
    expect(reserved.error?.issues[0]?.message).toMatch(/reserved/);
  });
});
