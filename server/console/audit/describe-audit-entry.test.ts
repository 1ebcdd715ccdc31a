import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditChanges, fieldLabel, formatAuditValue } from "./audit-changes";
import { DESCRIBED_AUDIT_ACTIONS, describeAuditEntry, type AuditEntryInput } from "./describe-audit-entry";

const ANA = { kind: "user", name: "Ana", email: "ana@x.com" } as const;
const entry = (over: Partial<AuditEntryInput>): AuditEntryInput => ({ action: "x.y", targetType: "x", targetId: null, details: null, actor: ANA, ...over });

function serverSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : serverSources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe("describeAuditEntry", () => {
  it("names the member and the object in words", () => {
    const described = describeAuditEntry(entry({ action: "api_key.revoked", targetType: "api_key", targetId: "k1", details: { name: "ci-bot", prefix: "sy_ab" } }));
    expect(described.summary).toBe("Ana (ana@x.com) revoked key “ci-bot”");
    expect(described.object).toBe("key “ci-bot”");
  });

  it("names an admin API key as the actor, and the policy's version", () => {
    const described = describeAuditEntry(entry({
      action: "policy.updated", targetType: "policy", targetId: "p1", actor: { kind: "key", name: "automation" },
      details: { name: "cheap-coding", version: 3, changes: [{ path: "rules.coding.qualityBar", before: 74, after: 78 }] },
    }));
    expect(described.summary).toBe("API key “automation” saved policy “cheap-coding” version 3");
    expect(described.changes).toEqual([{ field: "rules › coding › quality bar", before: "74", after: "78" }]);
  });

  it("names the member a role change is about, or says they are gone", () => {
    const input = entry({ action: "member.role_changed", targetType: "user", targetId: "u2", details: { from: "member", to: "admin" } });
    expect(describeAuditEntry({ ...input, targetUser: { name: null, email: "bo@x.com" } }).summary).toBe("Ana (ana@x.com) changed the role of bo@x.com from member to admin");
    expect(describeAuditEntry(input).summary).toBe("Ana (ana@x.com) changed the role of a former member from member to admin");
    expect(describeAuditEntry(input).changes).toEqual([{ field: "role", before: "member", after: "admin" }]);
  });

  it("says who acted when the member or nobody is left", () => {
    expect(describeAuditEntry(entry({ action: "tenant.seeded", targetType: "tenant", actor: { kind: "system" } })).summary).toBe("Switchyard filled the organisation with demo data");
    expect(describeAuditEntry(entry({ action: "team.deleted", targetType: "team", details: { name: "Search" }, actor: { kind: "former" } })).summary).toBe("A former member deleted team “Search”");
  });

  it("reads an action it does not know without failing", () => {
    expect(describeAuditEntry(entry({ action: "thing.done_twice", targetType: "thing_box" })).summary).toBe("Ana (ana@x.com) thing done twice on thing box");
  });

  it("has words for every action the server writes", () => {
    const root = path.resolve(__dirname, "../..");
    const written = new Set<string>();
    for (const file of serverSources(root)) {
      const source = readFileSync(file, "utf8");
      if (!/recordAudit\(|auditLog\.create\(/.test(source)) continue;
      for (const match of source.matchAll(/"([a-z]+(?:_[a-z]+)*\.[a-z]+(?:_[a-z]+)*)"/g)) written.add(match[1] ?? "");
      // Alerts write `alert.${to}` for the statuses a person can set.
      if (source.includes("`alert.${to}`")) ["alert.acknowledged", "alert.resolved"].forEach((a) => written.add(a));
    }
    expect(written.size).toBeGreaterThan(30);
    expect([...written].filter((a) => !DESCRIBED_AUDIT_ACTIONS.includes(a))).toEqual([]);
  });
});

describe("auditChanges", () => {
  it("lists only the fields that changed, formatted", () => {
    expect(auditChanges("api_key.limits_updated", {
      name: "ci", from: { monthlyBudgetUsd: 0.015144999999999999, rpmLimit: 60, tpmLimit: null }, to: { monthlyBudgetUsd: 25, rpmLimit: 60, tpmLimit: 1000 },
    })).toEqual([
      { field: "monthly budget (USD)", before: "0.015145", after: "25" },
      { field: "TPM limit", before: "none", after: "1000" },
    ]);
  });

  it("reads drift settings, alert statuses and older entries that named fields only", () => {
    expect(auditChanges("tenant.drift_settings_set", { changed: { costRisePercent: { from: 20, to: 30 } } })).toEqual([{ field: "cost rise percent", before: "20", after: "30" }]);
    expect(auditChanges("alert.resolved", { from: "open", title: "Budget" })).toEqual([{ field: "status", before: "open", after: "resolved" }]);
    expect(auditChanges("policy.updated", { changed: ["rules.math.qualityBar"] })).toEqual([{ field: "rules › math › quality bar", before: null, after: null }]);
    expect(auditChanges("model.updated", { fields: ["inputPrice"] })).toEqual([{ field: "input price", before: null, after: null }]);
    expect(auditChanges("api_key.revoked", { name: "x" })).toEqual([]);
    expect(auditChanges("tenant.renamed", null)).toEqual([]);
  });

  it("formats values for people", () => {
    expect(formatAuditValue(["a", "b"])).toBe("a, b");
    expect(formatAuditValue(true)).toBe("on");
    expect(formatAuditValue("x".repeat(200))).toHaveLength(120);
    expect(fieldLabel("baseUrl")).toBe("base URL");
  });
});
