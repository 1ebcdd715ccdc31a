// recordFeedback on its own database: the console's feedback (no key) keeps one row per request
// even when two members save at once, a key's feedback one per key, and each row has at most one
// queued score event, and a score sent again after its first was folded only changes the row, so
// the learning job never counts a request's score twice.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setupTestDatabase } from "../testing/setup-test-database";
import { recordFeedback } from "./record-feedback";

const t = setupTestDatabase();
let tenantId = "";
let keyId = "";

beforeAll(async () => {
  tenantId = (await t.db.tenant.create({ data: { name: "Feedback", slug: `feedback-${randomUUID()}` } })).id;
  keyId = (await t.db.apiKey.create({ data: { tenantId, name: "k", prefix: "sy_test", hash: randomUUID() } })).id;
});

const events = (requestId: string) => t.db.learningEvent.findMany({ where: { tenantId, requestId }, orderBy: { id: "asc" } });

describe("recordFeedback", () => {
  it("keeps one console row per request and one queued score, even when saved at once", async () => {
    const requestId = `req_${randomUUID()}`;
    const rows = await Promise.all([0.2, 0.4, 0.6, 0.8].map((score) => recordFeedback(t.db, { tenantId, requestId, apiKeyId: null, score, comment: `s${score}` })));
    expect(new Set(rows.map((r) => r!.id)).size).toBe(1);
    const stored = await t.db.feedback.findMany({ where: { tenantId, requestId } });
    expect(stored).toHaveLength(1);
    const queued = await events(requestId);
    expect(queued).toHaveLength(1);
    // The event that stays is the last saved score's.
    expect(queued[0]).toMatchObject({ kind: "feedback", score: stored[0]!.score, payload: { feedbackId: stored[0]!.id } });
    expect(stored[0]!.comment).toBe(`s${stored[0]!.score}`);
  });

  it("keeps a key's row apart from the console's, and queues a category without a row", async () => {
    const requestId = `req_${randomUUID()}`;
    const fromConsole = await recordFeedback(t.db, { tenantId, requestId, apiKeyId: null, score: 1 });
    const api = await recordFeedback(t.db, { tenantId, requestId, apiKeyId: keyId, score: 0, category: "coding" });
    expect(fromConsole!.id).not.toBe(api!.id);
    expect(await recordFeedback(t.db, { tenantId, requestId, apiKeyId: keyId, category: "math" })).toBeNull();
    expect((await events(requestId)).map((e) => [e.kind, e.score, e.payload])).toEqual([
      ["feedback", 1, { feedbackId: fromConsole!.id }],
      ["feedback", 0, { feedbackId: api!.id }],
      ["category", null, { category: "coding" }],
      ["category", null, { category: "math" }],
    ]);
  });

  it("updates the row but queues nothing when the first score was already folded, so the request counts once", async () => {
    const requestId = `req_${randomUUID()}`;
    const first = await recordFeedback(t.db, { tenantId, requestId, apiKeyId: keyId, score: 1, category: "coding" });
    // The learning job folds a round's events and deletes them in the same transaction.
    await t.db.learningEvent.deleteMany({ where: { tenantId, requestId } });
    const again = await recordFeedback(t.db, { tenantId, requestId, apiKeyId: keyId, score: 0, comment: "on second thoughts", category: "math" });
    expect(again!.id).toBe(first!.id);
    expect(await t.db.feedback.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ score: 0, comment: "on second thoughts" });
    // A category correction is a new fact and is still learned from.
    expect((await events(requestId)).map((e) => [e.kind, e.payload])).toEqual([["category", { category: "math" }]]);
    // Only the score sent again: nothing to learn, nothing queued.
    await recordFeedback(t.db, { tenantId, requestId, apiKeyId: keyId, score: 0.5 });
    expect(await events(requestId)).toHaveLength(1);
  });

  it("refuses a call with neither a score nor a category, or a score out of range, and stores nothing", async () => {
    const requestId = `req_${randomUUID()}`;
    await expect(recordFeedback(t.db, { tenantId, requestId, apiKeyId: null })).rejects.toThrow();
    await expect(recordFeedback(t.db, { tenantId, requestId, apiKeyId: null, score: 1.5 })).rejects.toThrow();
    expect(await events(requestId)).toEqual([]);
  });
});
