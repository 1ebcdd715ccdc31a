import { describe, expect, it } from "vitest";
import { NO_AUDIT_FILTERS } from "../schemas/audit";
import { auditFiltersFromSearch, auditFiltersToSearch } from "./audit-filters-url";

describe("audit filters in the URL", () => {
  it("round-trips every filter", () => {
    const filters = { actor: "key:k_1", targetType: "policy", targetId: "p1", action: "policy.updated", from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-02T23:59:59Z") };
    const search = auditFiltersToSearch(filters);
    expect(search.toString()).toBe("actor=key%3Ak_1&type=policy&object=p1&action=policy.updated&from=2026-12-01T00%3A00%3A00.000Z&to=2026-12-02T23%3A59%3A59.000Z");
    expect(auditFiltersFromSearch(search)).toEqual(filters);
    expect(auditFiltersToSearch(NO_AUDIT_FILTERS).toString()).toBe("");
  });

  it("drops a malformed value and keeps the others", () => {
    expect(auditFiltersFromSearch(new URLSearchParams("actor=someone&from=yesterday&action=api_key.revoked"))).toEqual({ ...NO_AUDIT_FILTERS, action: "api_key.revoked" });
  });
});
