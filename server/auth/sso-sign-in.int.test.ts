// Single sign-on's mapping of people to organisations, on a real database: by email domain (a
// tenant setting admins edit, one organisation per domain) or by a pending invite; refused
// without either, and never for an email the identity provider has not verified.
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "../trpc/testing/console-fixture";
import { hashPassword } from "./password";
import { resolveSsoSignIn } from "./sso-sign-in";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("single sign-on mapping", () => {
  let fx: Fixture;
  const verified = (email: string) => ({ email, emailVerified: true, name: "Sam" });

  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
    await fx.as(fx.a.users.admin.id).tenant.addSsoDomain({ domain: " @Alpha-Corp.example ", role: "member" });
  });

  it("lets admins map a domain once, audited, and refuses the same domain to a second organisation", async () => {
    expect((await fx.as(fx.a.users.admin.id).tenant.ssoDomains()).map((d) => [d.domain, d.role])).toEqual([["alpha-corp.example", "member"]]);
    await expect(fx.as(fx.b.users.admin.id).tenant.addSsoDomain({ domain: "alpha-corp.example", role: "admin" })).rejects.toThrow(/mapped to an organisation already/);
    await expect(fx.as(fx.a.users.member.id).tenant.addSsoDomain({ domain: "other.example", role: "member" })).rejects.toThrow(/admin role/);
    await expect(fx.as(fx.a.users.admin.id).tenant.addSsoDomain({ domain: "https://x.example/", role: "member" })).rejects.toThrow();
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { tenantId: fx.a.tenant.id, action: "sso_domain.added" } });
    expect(audit.details).toEqual({ domain: "alpha-corp.example", role: "member" });
  });

  it("makes a first sign-in from a mapped domain a member with the domain's role", async () => {
    const outcome = await resolveSsoSignIn(t.db, verified("New.Person@ALPHA-CORP.example"));
    if (!("userId" in outcome)) throw new Error(`refused: ${outcome.refused}`);
    const user = await t.db.user.findUniqueOrThrow({ where: { id: outcome.userId }, include: { memberships: true } });
    expect(user).toMatchObject({ email: "new.person@alpha-corp.example", name: "Sam", passwordHash: null });
    expect(user.memberships.map((m) => [m.tenantId, m.role])).toEqual([[fx.a.tenant.id, "member"]]);
    expect(await t.db.auditLog.count({ where: { action: "member.joined_by_domain", targetId: user.id } })).toBe(1);
    // A second sign-in is the same account, with nothing new.
    expect(await resolveSsoSignIn(t.db, verified("new.person@alpha-corp.example"))).toEqual(outcome);
    expect(await t.db.membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an unmapped domain without an invite, and creates nothing", async () => {
    expect(await resolveSsoSignIn(t.db, verified("someone@elsewhere.example"))).toEqual({ refused: "SsoNotMapped" });
    expect(await t.db.user.count({ where: { email: "someone@elsewhere.example" } })).toBe(0);
  });

  it("refuses an email the identity provider has not verified, or no email at all", async () => {
    expect(await resolveSsoSignIn(t.db, { ...verified("x@alpha-corp.example"), emailVerified: false })).toEqual({ refused: "SsoEmailUnverified" });
    expect(await resolveSsoSignIn(t.db, { email: null, emailVerified: true, name: null })).toEqual({ refused: "SsoNoEmail" });
    expect(await t.db.user.count({ where: { email: "x@alpha-corp.example" } })).toBe(0);
  });

  it("admits someone with a pending invite for their email, with the invite's role", async () => {
    await t.db.invite.create({ data: { tenantId: fx.b.tenant.id, email: "guest@invited.example", role: "viewer", tokenHash: "sso-test-invite", expiresAt: new Date(Date.now() + 86_400_000) } });
    const outcome = await resolveSsoSignIn(t.db, verified("guest@invited.example"));
    if (!("userId" in outcome)) throw new Error(`refused: ${outcome.refused}`);
    expect(await t.db.membership.findMany({ where: { userId: outcome.userId }, select: { tenantId: true, role: true } })).toEqual([{ tenantId: fx.b.tenant.id, role: "viewer" }]);
    expect((await t.db.invite.findUniqueOrThrow({ where: { tokenHash: "sso-test-invite" } })).acceptedAt).toBeInstanceOf(Date);
  });

  it("links an existing account with the same verified email, keeping its password", async () => {
    const existing = await t.db.user.create({ data: { email: "pat@alpha-corp.example", passwordHash: await hashPassword("pats-password") } });
    await t.db.membership.create({ data: { tenantId: fx.b.tenant.id, userId: existing.id, role: "admin" } });
    expect(await resolveSsoSignIn(t.db, verified("pat@alpha-corp.example"))).toEqual({ userId: existing.id });
    const memberships = await t.db.membership.findMany({ where: { userId: existing.id }, select: { tenantId: true, role: true }, orderBy: { createdAt: "asc" } });
    expect(memberships).toEqual([{ tenantId: fx.b.tenant.id, role: "admin" }, { tenantId: fx.a.tenant.id, role: "member" }]);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: existing.id } })).passwordHash).not.toBeNull();
  });

  it("does not bring back a member an admin removed, and stops mapping a removed domain", async () => {
    const first = await resolveSsoSignIn(t.db, verified("leaver@alpha-corp.example"));
    if (!("userId" in first)) throw new Error("refused");
    await fx.as(fx.a.users.admin.id).members.remove({ userId: first.userId });
    expect(await resolveSsoSignIn(t.db, verified("leaver@alpha-corp.example"))).toEqual({ refused: "SsoNotMapped" });

    const [domain] = await fx.as(fx.a.users.admin.id).tenant.ssoDomains();
    await fx.as(fx.a.users.admin.id).tenant.removeSsoDomain({ id: domain!.id });
    expect(await resolveSsoSignIn(t.db, verified("later@alpha-corp.example"))).toEqual({ refused: "SsoNotMapped" });
    expect(await t.db.auditLog.count({ where: { tenantId: fx.a.tenant.id, action: "sso_domain.removed" } })).toBe(1);
  });
});
