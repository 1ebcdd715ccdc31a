// Drift alerts, from the console: a model whose latency rose in the last day (hourly rollups written
// as the usage writer keeps them, in a category of its own) raises a drift alert within an alerts
// round (every second in the browser suite); the Alerts page shows what moved, the traffic and
// policies it affects and links to its requests and charts. An admin then raises the minimum
// latency change in Settings above it, and the alert resolves. The rows and settings are removed at
// the end, so the demo's other journeys see the tenant as seeded.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { LATENCY_BUCKET_COUNT } from "../server/usage/latency-buckets";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

const CATEGORY = "e2e-drift";

/**
 * 8 days of hourly rows for gpt-5.4 in CATEGORY, 20 requests an hour: 300-400 ms before the last
 * 24 hours, 750-1000 ms in them (histogram buckets 6 and 9), and the daily rows summing them.
 */
async function writeSlowerTraffic(client: pg.Client) {
  await client.query(
    `INSERT INTO "UsageRollup" ("tenantId", hour, category, model, requests, "latencyHistogram", "ttftHistogram")
       SELECT t.id, h, $1, 'gpt-5.4', 20,
         array_fill(0, ARRAY[CASE WHEN h >= date_trunc('hour', now() AT TIME ZONE 'UTC') - interval '23 hours' THEN 9 ELSE 6 END])
           || ARRAY[20] || array_fill(0, ARRAY[$2::int - 1 - CASE WHEN h >= date_trunc('hour', now() AT TIME ZONE 'UTC') - interval '23 hours' THEN 9 ELSE 6 END]),
         array_fill(0, ARRAY[$2::int])
       FROM "Tenant" t, generate_series(date_trunc('hour', now() AT TIME ZONE 'UTC') - interval '191 hours', date_trunc('hour', now() AT TIME ZONE 'UTC'), interval '1 hour') h
       WHERE t.slug = 'acme'`,
    [CATEGORY, LATENCY_BUCKET_COUNT],
  );
  const cells = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, i) => `sum("latencyHistogram"[${i + 1}])`).join(", ");
  await client.query(
    `INSERT INTO "UsageRollupDaily" ("tenantId", day, category, model, requests, "latencyHistogram", "ttftHistogram")
       SELECT "tenantId", date_trunc('day', hour), category, model, sum(requests), ARRAY[${cells}]::int[], array_fill(0, ARRAY[$2::int])
       FROM "UsageRollup" WHERE category = $1 GROUP BY 1, 2, 3, 4`,
    [CATEGORY, LATENCY_BUCKET_COUNT],
  );
}

test("a model slower in the last day raises a drift alert with its details, and raising the threshold above the change resolves it", async ({ page }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  test.skip(!databaseUrl, "needs E2E_DATABASE_URL (run through npm run test:e2e)");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await writeSlowerTraffic(client);
    await signIn(page, demoLogin.email, demoLogin.password);
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Alerts" }).click();
    // The link navigates on the client: a reload before the new page is in would reload the old one.
    await expect(page).toHaveURL(/\/alerts(\?|$)/);
    await page.getByLabel("Kind").selectOption("drift");
    const alert = page.getByRole("list", { name: "Alerts" }).getByRole("listitem").filter({ hasText: `gpt-5.4 in ${CATEGORY}: p50 latency up` });
    // The next alerts round (within a second or two) raises it; the page is read again until then.
    await expect(async () => {
      await page.reload();
      await page.getByLabel("Kind").selectOption("drift");
      await expect(alert).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await expect(alert).toContainText("critical");
    await expect(alert).toContainText("p50 latency 350 ms → 875 ms (+150%)");
    await expect(alert).toContainText(`480 requests in ${CATEGORY} in the recent window`);
    await expect(alert).toContainText("Policies that can route to gpt-5.4");
    await expect(alert.getByRole("link", { name: "Requests" })).toHaveAttribute("href", new RegExp(`/logs\\?from=.*&model=gpt-5.4&category=${CATEGORY}`));
    await expect(alert.getByRole("link", { name: "Dashboard charts" })).toHaveAttribute("href", new RegExp(`/\\?range=custom&from=.*&model=gpt-5.4&category=${CATEGORY}`));
    await expect(alert.getByRole("link", { name: "Models page" })).toHaveAttribute("href", "/models");

    // Settings: 400% is more than twice the change, so the change no longer counts and the alert resolves.
    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Settings" }).click();
    const form = page.getByRole("form", { name: "Drift alert settings" });
    await form.getByLabel("Latency and time to first token up by (%)").fill("400");
    await form.getByRole("button", { name: "Save drift settings" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
    await page.reload();
    await expect(page.getByRole("form", { name: "Drift alert settings" }).getByLabel("Latency and time to first token up by (%)")).toHaveValue("400");

    await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Alerts" }).click();
    // The link navigates on the client: a reload before the new page is in would reload the old one.
    await expect(page).toHaveURL(/\/alerts(\?|$)/);
    await expect(async () => {
      await page.reload();
      await page.getByLabel("Kind").selectOption("drift");
      await expect(alert).toContainText("resolved", { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await client.query(`DELETE FROM "UsageRollup" WHERE category = $1`, [CATEGORY]);
    await client.query(`DELETE FROM "UsageRollupDaily" WHERE category = $1`, [CATEGORY]);
    await client.query(`UPDATE "Tenant" SET "driftSettings" = NULL WHERE slug = 'acme'`);
    await client.end();
  }
});
