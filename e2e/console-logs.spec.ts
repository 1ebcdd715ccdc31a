// Request logs worth reading, on a desktop and on a phone: a policy set to store prompts and
// answers, a request found by a word of its prompt, its routing decision with the candidates
// table, the filters kept in the URL through reload and back, and a CSV export of the view.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demoApiKey, demoLogin } from "./demo";
import { signIn, uniqueName } from "./console-helpers";

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test("a stored prompt is found by search, its decision reads as tables, filters survive reload and back, and the view exports as CSV", async ({ page, baseURL }) => {
      await signIn(page, demoLogin.email, demoLogin.password);

      // The demo key's policy (the default one) stores prompts and answers from now on.
      await page.goto("/policies");
      await page.getByRole("listitem").filter({ has: page.getByText("default", { exact: true }) }).getByRole("link").first().click();
      await page.getByLabel("Store prompts and answers").check();
      await expect(page.getByLabel("Keep at most (KiB per prompt and per answer)")).toHaveValue(/\d+/);
      await Promise.all([
        page.waitForResponse((r) => r.url().includes("policies.update") && r.ok()),
        page.getByRole("button", { name: "Save new version" }).click(),
      ]);

      const marker = uniqueName("beacon");
      const sent = await fetch(`${baseURL}/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: `Bearer ${demoApiKey()}`, "content-type": "application/json" },
        body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: `Write two lines about the ${marker} lighthouse; reply to ops@example.com` }] }),
      });
      expect(sent.status).toBe(200);

      await page.goto("/logs");
      await page.getByRole("searchbox", { name: "Search" }).fill(marker);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}`));
      // Usage is written in batches; refresh until the request has landed.
      await expect(async () => {
        await page.getByRole("button", { name: "Refresh" }).click();
        await expect(page.getByTestId("log-total")).toHaveText("1 request matches", { timeout: 1000 });
      }).toPass({ timeout: 15_000 });

      await page.getByRole("row").nth(1).getByRole("button").first().click();
      const drawer = page.getByRole("dialog", { name: "Request" });
      const decision = drawer.getByRole("region", { name: "Routing decision" });
      await expect(decision.getByTestId("decision-category")).toContainText("confident");
      await expect(decision.getByRole("table", { name: "Candidate models" }).getByRole("row").nth(1)).toContainText("chosen");
      await expect(decision.getByRole("region", { name: "Attempts" })).toContainText("answered");
      const body = drawer.getByRole("region", { name: "Prompt and answer" });
      await expect(body).toContainText(`${marker} lighthouse`);
      await expect(body).toContainText("[redacted email]");
      await expect(body).not.toContainText("ops@example.com");
      await drawer.getByRole("button", { name: "Close" }).click();

      // Filters are in the URL: a reload keeps them, back undoes the last one.
      await page.getByLabel("Status").selectOption("success");
      await expect(page).toHaveURL(/[?&]status=success/);
      await expect(page).toHaveURL(new RegExp(`[?&]q=${marker}`));
      await page.reload();
      await expect(page.getByLabel("Status")).toHaveValue("success");
      await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(marker);
      await expect(page.getByTestId("log-total")).toHaveText("1 request matches");
      await page.goBack();
      await expect(page.getByLabel("Status")).toHaveValue("any");
      await expect(page.getByRole("searchbox", { name: "Search" })).toHaveValue(marker);

      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
      expect(download.suggestedFilename()).toMatch(/^request-logs-.*\.csv$/);
      const csv = (await readFile(await download.path())).toString("utf8").trimEnd().split("\r\n");
      expect(csv[0]).toMatch(/^time,request_id,key,team,policy,/);
      expect(csv).toHaveLength(2);
      expect(csv[1]).toContain("Demo key");

      // Nothing on the page is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    });
  });
}
