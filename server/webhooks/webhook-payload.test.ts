import { describe, expect, it } from "vitest";
import { alertPayload, slackText, testPayload } from "./webhook-payload";

const alert = {
  id: "alert-1",
  kind: "budget",
  severity: "critical",
  status: "open",
  title: 'Team "R&D <core>" used its whole monthly budget',
  details: { spentUsd: 12.5, budgetUsd: 10 },
  firstSeenAt: new Date("2026-12-10T08:00:00Z"),
  lastSeenAt: new Date("2026-12-14T12:00:00Z"),
};
const now = new Date("2026-12-14T12:00:05Z");

describe("webhook payload", () => {
  it("carries the event, the alert and a link to the Alerts page built from the public URL", () => {
    expect(alertPayload("evt-1", "alert.raised", alert, now, "https://switchyard.example.com/")).toEqual({
      id: "evt-1",
      type: "alert.raised",
      createdAt: "2026-12-14T12:00:05.000Z",
      text: '[critical] Alert raised: Team "R&amp;D &lt;core&gt;" used its whole monthly budget (budget)\n<https://switchyard.example.com/alerts|Open the Alerts page>',
      alert: {
        id: "alert-1", kind: "budget", severity: "critical", status: "open", title: alert.title, details: alert.details,
        firstSeenAt: "2026-12-10T08:00:00.000Z", lastSeenAt: "2026-12-14T12:00:00.000Z", url: "https://switchyard.example.com/alerts",
      },
    });
  });

  it("has no link without a public URL", () => {
    const payload = alertPayload("evt-2", "alert.resolved", { ...alert, status: "resolved" }, now, undefined);
    expect(payload.alert?.url).toBeNull();
    expect(payload.text).toBe('Alert resolved: Team "R&amp;D &lt;core&gt;" used its whole monthly budget (budget)');
  });

  it("Slack text is one readable line, with Slack's markup characters escaped so a tenant's names cannot inject links or mentions", () => {
    const text = slackText("alert.raised", { ...alert, title: "Key <!channel> <https://evil.example|click>" }, null);
    expect(text).toBe("[critical] Alert raised: Key &lt;!channel&gt; &lt;https://evil.example|click&gt; (budget)");
    expect(text).not.toContain("\n");
  });

  it("a test event says so and carries no alert", () => {
    expect(testPayload("evt-3", now, "https://switchyard.example.com")).toEqual({
      id: "evt-3", type: "test", createdAt: "2026-12-14T12:00:05.000Z", alert: null,
      text: "Switchyard test event: this webhook is reachable.\n<https://switchyard.example.com/alerts|Open the Alerts page>",
    });
  });
});
