// Routing that learns, from the console: feedback and a category correction in a request's
// detail, learned profiles on the Models page, evaluation settings on a policy rule and the
// evaluation budget in Settings, and resetting what was learned.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { demoLogin } from "./demo";
import { confirmInDialog, pickOption, signIn } from "./console-helpers";
import { LATENCY_BUCKET_COUNT } from "../server/usage/latency-buckets";

/** The learning job's advisory lock (server/learning/learning-job.ts, LEARNING_LOCK_KEY). */
const LEARNING_LOCK_KEY = 0x5377_4c72;

test.beforeEach(async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
});

test("a member gives feedback and corrects the category of a request in its detail", async ({ page }) => {
  await page.getByRole("link", { name: "Logs" }).click();
  await page.getByRole("table").getByRole("row").nth(1).getByRole("button").first().click();
  const detail = page.getByRole("dialog", { name: "Request" });
  const learning = detail.getByRole("region", { name: "Feedback and evaluation" });
  await expect(detail.getByTestId("log-signals")).toBeVisible();

  await learning.getByLabel("Comment (optional)").fill("Clear and correct");
  await learning.getByRole("button", { name: "Thumbs up" }).click();
  await expect(learning.getByRole("status")).toContainText("recorded");
  const given = learning.getByRole("list", { name: "Feedback given" });
  await expect(given).toContainText("good (1)");
  await expect(given).toContainText("from the console");
  await expect(given).toContainText("Clear and correct");

  // A second score replaces the console's first one.
  await learning.getByLabel("Or a score (0-1)").fill("0.25");
  await learning.getByRole("button", { name: "Save score" }).click();
  await expect(given).toContainText("score 0.25");
  await expect(given).not.toContainText("good (1)");

  const select = learning.getByLabel(/Filed under the wrong category/);
  await select.selectOption({ index: 1 });
  const chosen = await select.inputValue();
  await learning.getByRole("button", { name: "Refile" }).click();
  await expect(learning.getByRole("list", { name: "Category corrections" })).toContainText(`Refiled under ${chosen}`);
  await expect(learning.getByRole("list", { name: "Category corrections" })).toContainText(demoLogin.email);
});

test("the Models page and the policy tester show what routing learned about a model on this tenant's traffic", async ({ page }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  test.skip(!databaseUrl, "needs E2E_DATABASE_URL (run through npm run test:e2e)");
  // Learned state as the learning job leaves it: 400 outcomes for gpt-5.4 on coding. Written under
  // the job's advisory lock, so that a round folding the demo's evidence at the same time cannot
  // write back the state it read before this change.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1::bigint)", [LEARNING_LOCK_KEY]);
    await client.query(
      `INSERT INTO "TenantLearning" ("tenantId", profiles, folded, "updatedAt")
         SELECT id, '{}', '{}', now() FROM "Tenant" WHERE slug = 'acme'
       ON CONFLICT ("tenantId") DO NOTHING`,
    );
    await client.query(
      `UPDATE "TenantLearning" SET
         profiles = jsonb_set(CASE WHEN profiles ? 'coding' THEN profiles ELSE profiles || '{"coding":{}}' END, '{coding,gpt-5.4}', '{"successes":380,"failures":20}')
       WHERE "tenantId" = (SELECT id FROM "Tenant" WHERE slug = 'acme')`,
    );
    await client.query("COMMIT");
    // Today's traffic in a category of its own, as the usage writer rolls it up: 100 answers of
    // gpt-5.4, 4 of them refusals. The demo's traffic adds to the model's total, not to this category.
    await client.query(
      `INSERT INTO "UsageRollupDaily" ("tenantId", day, category, model, requests, refusals, "latencyHistogram", "ttftHistogram")
         SELECT id, date_trunc('day', now() AT TIME ZONE 'UTC'), 'e2e', 'gpt-5.4', 100, 4, array_fill(0, ARRAY[$1::int]), array_fill(0, ARRAY[$1::int])
         FROM "Tenant" WHERE slug = 'acme'
       ON CONFLICT ("tenantId", day, category, model, "teamId", "apiKeyId", "policyId") DO NOTHING`,
      [LATENCY_BUCKET_COUNT],
    );
  } finally {
    await client.end();
  }

  await page.getByRole("link", { name: "Models" }).click();
  const card = page.getByTestId("profile-gpt-5.4");
  await expect(card).toContainText("coding");
  await expect(card).toContainText("used by routing");
  await expect(card).toContainText(/90 % interval \d+\.\d–\d+\.\d/);
  await expect(card).toContainText(/Signals over [\d,]+ answers in the last 30 days/);
  await card.getByText("By category").click();
  const e2e = card.getByRole("listitem").filter({ hasText: /^e2e/ });
  await expect(e2e).toContainText("100 answers");
  await expect(e2e).toContainText(/Refusal\s*4\.0 %/);
  await expect(e2e).toContainText(/Error\s*0\.0 %/);
  await expect(page.getByTestId("model-row-gpt-5.4")).toContainText("learned");

  // The policy tester shows the same profile deciding a coding prompt.
  await page.getByRole("link", { name: "Policies" }).click();
  await page.getByRole("link", { name: "default", exact: true }).click();
  await page.getByLabel("Prompt", { exact: true }).fill("Write a TypeScript function that parses a CSV line, handling quoted fields and escaped quotes. Include unit tests.");
  await page.getByRole("button", { name: "Route it" }).click();
  const adapted = page.getByRole("region", { name: "Adapted to your traffic" });
  await expect(adapted.getByTestId("tester-difficulty-source")).toContainText("static");
  await expect(adapted.getByRole("list", { name: "Quality figures used" }).getByRole("listitem").filter({ hasText: "gpt-5.4" })).toContainText("learned profile");
});

test("an admin sets an evaluation share and judge on a policy rule, and the evaluation budget", async ({ page }) => {
  await page.getByRole("link", { name: "Policies" }).click();
  await page.getByRole("link", { name: "default", exact: true }).click();
  // A share needs a judge: rules that have none are set to evaluate nothing, whatever the seed left.
  for (const category of ["coding", "math", "science", "computer_use", "general"]) {
    if ((await page.getByLabel(`Judge model for ${category}`).inputValue()) === "No judge") await page.getByLabel(`Evaluated share (%) for ${category}`).fill("0");
  }
  await page.getByLabel("Evaluated share (%) for coding").fill("5");
  await pickOption(page, "Judge model for coding", "No judge");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("Pick a judge model to evaluate this category")).toHaveCount(1);

  await page.getByLabel("Evaluated share (%) for coding").fill("150");
  await pickOption(page, "Judge model for coding", "gpt-5.4");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText("0 to 100 %")).toBeVisible();

  // Other than the demo's seeded coding rule (5 %, judged by gpt-5.4), so the new version differs in both.
  await page.getByLabel("Evaluated share (%) for coding").fill("10");
  await pickOption(page, "Judge model for coding", "claude-opus-4.6");
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText(/Saved as version \d+\./)).toBeVisible();
  await expect(page.getByLabel("Evaluated share (%) for coding")).toHaveValue("10");
  await expect(page.getByLabel("Judge model for coding")).toHaveValue("claude-opus-4.6");
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByText("rules.coding.evaluationShare")).toBeVisible();
  await expect(versions.getByText("rules.coding.judgeModel")).toBeVisible();

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Monthly evaluation budget (USD)").fill("20");
  await page.getByRole("button", { name: "Save budget" }).click();
  await expect(page.getByRole("region", { name: "Evaluations" }).getByRole("status")).toHaveText("Saved.");
  await page.getByRole("link", { name: "Overview" }).click();
  await expect(page.getByTestId("evaluation-spend")).toContainText("of $20.00");
});

test("an admin resets what routing learned, and the Models page goes back to the catalog figures", async ({ page }) => {
  await page.getByRole("link", { name: "Models" }).click();
  // The demo's folded evidence (and the learned state written above) gives gpt-5.4 a profile.
  await expect(page.getByTestId("model-row-gpt-5.4")).toContainText("learned");

  await page.getByRole("link", { name: "Settings" }).click();
  const card = page.getByRole("region", { name: "Learned routing" });
  await card.getByRole("button", { name: "Reset learned routing" }).click();
  await confirmInDialog(page, "Reset");
  await expect(card.getByRole("status")).toContainText("Reset.");

  await page.getByRole("link", { name: "Models" }).click();
  await expect(page.getByTestId("model-row-gpt-5.4")).toBeVisible();
  await expect(page.getByTestId("model-row-gpt-5.4")).not.toContainText("learned");
});
