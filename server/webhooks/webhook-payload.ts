// What a delivery's body says: the event, the alert as the console shows it, and a `text` line
// that Slack's incoming webhooks display as is, so their URL works as an endpoint unchanged.
// Built once when the delivery is created; every attempt sends the same bytes.

export type WebhookEvent = "alert.raised" | "alert.resolved" | "test";

export interface NotifiedAlert {
  id: string;
  kind: string;
  severity: string;
  status: string;
  title: string;
  details: unknown;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface WebhookPayload {
  /** The event's id, also sent as X-Switchyard-Event-Id: receivers drop an id they have seen. */
  id: string;
  type: WebhookEvent;
  createdAt: string;
  text: string;
  /** The alert with its times as ISO strings (null for a test event). */
  alert: (Omit<NotifiedAlert, "firstSeenAt" | "lastSeenAt"> & {
    firstSeenAt: string;
    lastSeenAt: string;
    /** The console's Alerts page, when the server knows its public URL (NEXTAUTH_URL). */
    url: string | null;
  }) | null;
}

/** Slack reads &, < and > as markup (links, mentions); names in titles come from tenants. */
const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The Alerts page's absolute URL, or null without a public URL setting. */
export function alertsPageUrl(consoleUrl: string | undefined): string | null {
  return consoleUrl ? `${consoleUrl.replace(/\/+$/, "")}/alerts` : null;
}

export function slackText(event: WebhookEvent, alert: Pick<NotifiedAlert, "kind" | "severity" | "title"> | null, url: string | null): string {
  const link = url ? `\n<${url}|Open the Alerts page>` : "";
  if (event === "test" || !alert) return `Switchyard test event: this webhook is reachable.${link}`;
  const what = event === "alert.raised" ? `[${slackEscape(alert.severity)}] Alert raised` : "Alert resolved";
  return `${what}: ${slackEscape(alert.title)} (${slackEscape(alert.kind)})${link}`;
}

export function alertPayload(id: string, event: Exclude<WebhookEvent, "test">, alert: NotifiedAlert, now: Date, consoleUrl: string | undefined): WebhookPayload {
  const url = alertsPageUrl(consoleUrl);
  return {
    id,
    type: event,
    createdAt: now.toISOString(),
    text: slackText(event, alert, url),
    alert: {
      id: alert.id,
      kind: alert.kind,
      severity: alert.severity,
      status: alert.status,
      title: alert.title,
      details: alert.details,
      firstSeenAt: alert.firstSeenAt.toISOString(),
      lastSeenAt: alert.lastSeenAt.toISOString(),
      url,
    },
  };
}

export function testPayload(id: string, now: Date, consoleUrl: string | undefined): WebhookPayload {
  return { id, type: "test", createdAt: now.toISOString(), text: slackText("test", null, alertsPageUrl(consoleUrl)), alert: null };
}
