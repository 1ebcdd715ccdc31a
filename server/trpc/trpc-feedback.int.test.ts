// Feedback from the console's log detail through the real router and database: a member's
// score and category correction are stored and queued for the learning job, shown back with who
// gave them; viewers are refused, and another tenant's request is "not found".
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { makeConsoleFixture } from "./testing/console-fixture";
import { outcomeCode } from "./testing/outcome-code";

const t = setupTestDatabase();
type Fixture = Awaited<ReturnType<typeof makeConsoleFixture>>;

describe("feedback from the console", () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await makeConsoleFixture(t.db);
  });

  it("stores a member's score with its comment and queues it, once per request however often it is changed", async () => {
    const member = fx.as(fx.a.users.member.id);
    const requestId = fx.a.log.id;
    await member.logs.giveFeedback({ requestId, score: 0, comment: "Wrong language", category: null });
    await member.logs.giveFeedback({ requestId, score: 1, comment: null, category: null });

    const rows = await t.db.feedback.findMany({ where: { requestId } });
    expect(rows).toMatchObject([{ tenantId: fx.a.tenant.id, apiKeyId: null, score: 1, comment: null }]);
    const events = await t.db.learningEvent.findMany({ where: { requestId }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.tenantId, e.kind, e.score])).toEqual([[fx.a.tenant.id, "feedback", 1]]);

    const learning = await fx.as(fx.a.users.viewer.id).logs.learning({ id: requestId });
    expect(learning.feedback).toMatchObject([{ score: 1, source: "console", keyName: null }]);
    expect(learning.queuedEvents).toBe(1);
  });

  it("queues a category correction and shows who made it", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    const requestId = fx.a.log.id;
    const before = await admin.logs.learning({ id: requestId });
    expect(before.categoryChoices).toEqual(expect.arrayContaining(["coding", "math", "science", "computer_use", "general"]));

    await admin.logs.giveFeedback({ requestId, score: null, comment: null, category: "math" });
    const event = await t.db.learningEvent.findFirstOrThrow({ where: { requestId, kind: "category" } });
    expect(event).toMatchObject({ tenantId: fx.a.tenant.id, score: null, payload: { category: "math" } });
    const after = await admin.logs.learning({ id: requestId });
    expect(after.corrections).toMatchObject([{ category: "math", by: fx.a.users.admin.email }]);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { tenantId: fx.a.tenant.id, action: "request.feedback", targetId: requestId, actorUserId: fx.a.users.admin.id } });
    expect(audit.details).toEqual({ score: null, category: "math", filedUnder: "coding" });
  });

  it("accepts the policy's own categories and refuses unknown ones and the category the request already has", async () => {
    const admin = fx.as(fx.a.users.admin.id);
    await t.db.routingPolicy.update({ where: { id: fx.a.policy.id }, data: { customCategories: [{ name: "legal", keywords: ["contract"] }] } });
    const requestId = fx.a.log.id;
    expect((await admin.logs.learning({ id: requestId })).categoryChoices).toContain("legal");
    expect(await outcomeCode(admin.logs.giveFeedback({ requestId, score: null, comment: null, category: "legal" }))).toBe("ok");
    expect(await outcomeCode(admin.logs.giveFeedback({ requestId, score: null, comment: null, category: "astrology" }))).toBe("BAD_REQUEST");
    expect(await outcomeCode(admin.logs.giveFeedback({ requestId, score: null, comment: null, category: "coding" }))).toBe("BAD_REQUEST");
    expect(await t.db.learningEvent.count({ where: { requestId, kind: "category" } })).toBe(2);
  });

  it.each([
    ["neither a score nor a category", { score: null, comment: null, category: null }],
    ["a score above 1", { score: 1.5, comment: null, category: null }],
    ["a comment without a score", { score: null, comment: "hm", category: "math" }],
    ["a comment PostgreSQL cannot store", { score: 1, comment: "a\u0000b", category: null }],
    ["a comment over 4,000 characters", { score: 1, comment: "x".repeat(4001), category: null }],
    ["a category name that is not one", { score: null, comment: null, category: "Math!" }],
  ])("refuses %s", async (_name, input) => {
    expect(await outcomeCode(fx.as(fx.a.users.member.id).logs.giveFeedback({ requestId: fx.a.log.id, ...input }))).toBe("BAD_REQUEST");
  });

  it("refuses viewers, who still read the feedback", async () => {
    const viewer = fx.as(fx.a.users.viewer.id);
    const queued = await t.db.learningEvent.count();
    expect(await outcomeCode(viewer.logs.giveFeedback({ requestId: fx.a.log.id, score: 1, comment: null, category: null }))).toBe("FORBIDDEN");
    expect(await t.db.learningEvent.count()).toBe(queued);
    expect(await outcomeCode(viewer.logs.learning({ id: fx.a.log.id }))).toBe("ok");
  });

  it("treats another tenant's request as unknown, for giving and for reading", async () => {
    const owner = fx.as(fx.a.users.owner.id);
    expect(await outcomeCode(owner.logs.giveFeedback({ requestId: fx.b.log.id, score: 0, comment: null, category: null }))).toBe("NOT_FOUND");
    expect(await outcomeCode(owner.logs.giveFeedback({ requestId: fx.b.log.id, score: null, comment: null, category: "math" }))).toBe("NOT_FOUND");
    expect(await outcomeCode(owner.logs.learning({ id: fx.b.log.id }))).toBe("NOT_FOUND");
    expect(await t.db.feedback.count({ where: { requestId: fx.b.log.id } })).toBe(0);
    expect(await t.db.learningEvent.count({ where: { requestId: fx.b.log.id } })).toBe(0);
  });

  it("shows the evaluation of the request", async () => {
    await t.db.evaluation.create({
      data: { tenantId: fx.a.tenant.id, requestId: fx.a.log.id, category: "coding", servedModel: "gpt-5.4", challengerModel: "glm-5", judgeModel: "gpt-5.4", status: "ok", servedWins: 0.5, costUsd: 0.0031 },
    });
    await t.db.evaluation.create({
      data: { tenantId: fx.b.tenant.id, requestId: fx.a.log.id, category: "coding", servedModel: "x", challengerModel: "y", judgeModel: "z", status: "ok", servedWins: 1 },
    });
    const learning = await fx.as(fx.a.users.viewer.id).logs.learning({ id: fx.a.log.id });
    expect(learning.evaluations).toMatchObject([{ servedModel: "gpt-5.4", challengerModel: "glm-5", status: "ok", servedWins: 0.5, costUsd: 0.0031 }]);
  });
});
