// The user docs the console serves at /docs/<slug>, one per Markdown file under docs/.

export const DOC_PAGES = [
  { slug: "console", file: "CONSOLE.md", title: "A tour of the console", summary: "Each page of the console: dashboards, policies, models, keys, logs, alerts and settings." },
  { slug: "api", file: "API.md", title: "Calling the gateway", summary: "Base URL, keys, the OpenAI and Anthropic SDKs, curl, headers and errors." },
  { slug: "routing", file: "ROUTING.md", title: "Routing policies", summary: "How a request is classified, which models qualify and how fallbacks work." },
  { slug: "logs", file: "LOGS.md", title: "Request logs", summary: "Search, the routing decision of a request, storing prompts and answers with redaction, and CSV export." },
  { slug: "alerts", file: "ALERTS.md", title: "Alerts", summary: "Budget and drift alerts: when they are raised and resolved." },
  { slug: "webhooks", file: "WEBHOOKS.md", title: "Webhooks", summary: "Alerts sent to your endpoints, signed, with retries." },
  { slug: "admin-api", file: "ADMIN-API.md", title: "Admin API", summary: "Manage keys, policies and the catalog from scripts with an admin key." },
  { slug: "sso", file: "SSO.md", title: "Single sign-on", summary: "Sign in with your identity provider; people join organisations by email domain or invite." },
  { slug: "operations", file: "OPERATIONS.md", title: "Operations", summary: "Running Switchyard: the server, workers, limits, metrics and production." },
  { slug: "benchmarks", file: "BENCHMARKS.md", title: "Benchmarks", summary: "Measured routing and gateway overhead." },
] as const;

export type DocSlug = (typeof DOC_PAGES)[number]["slug"];

export function docPage(slug: string) {
  return DOC_PAGES.find((page) => page.slug === slug) ?? null;
}

/** The console address of a doc, with an optional section anchor. */
export function docHref(slug: DocSlug, section?: string): string {
  return `/docs/${slug}${section ? `#${section}` : ""}`;
}

/**
 * Where a link inside a doc goes in the console: web and mail links as they are, in-page
 * anchors as they are, links to another doc file to its console page; anything else (the
 * README, source files, other schemes) stays plain text.
 */
export function resolveDocLink(href: string): string | null {
  if (/^(https?:|mailto:)/i.test(href) || /^#[\w-]*$/.test(href)) return href;
  const match = /^(?:\.\/)?(?:docs\/)?([\w-]+\.md)(#[\w-]*)?$/.exec(href);
  const page = match && DOC_PAGES.find((p) => p.file === match[1]);
  return page ? `/docs/${page.slug}${match[2] ?? ""}` : null;
}
