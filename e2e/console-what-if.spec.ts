import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

test.beforeEach(async ({ page }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
});

test("an admin sees what a stricter coding bar would do to the demo traffic, saves it with its summary, and restores the old bar", async ({ page }) => {
  await page.getByRole("link", { name: "Policies" }).click();
  await page.getByRole("link", { name: "default", exact: true }).click();
  const oldBar = await page.getByLabel("Quality bar (0-100) for coding").inputValue();
  // The best coding model's figure: coding requests that went to a cheaper model move to it.
  await page.getByLabel("Quality bar (0-100) for coding").fill("80.8");

  const panel = page.getByRole("region", { name: "What-if" });
  await panel.getByRole("button", { name: "30 days" }).click();
  await panel.getByRole("button", { name: "Run what-if" }).click();
  const result = panel.getByRole("region", { name: "What-if result" });
  await expect(result.getByText(/based on [\d,]+ of [\d,]+ requests of the last 30 days/)).toBeVisible();
  // Dearer than the saved version, and fewer savings against the baseline.
  await expect(result.getByTestId("what-if-draft-cost")).toContainText(/\$[\d,.]+ \(\+\d+\.\d% vs saved\)/);
  const savings = /draft ([+−]?\d+\.\d)%, saved ([+−]?\d+\.\d)%/.exec((await result.getByTestId("what-if-savings").textContent()) ?? "");
  const pct = (text: string) => Number(text.replace("−", "-"));
  expect(savings).not.toBeNull();
  expect(pct(savings![1]!)).toBeLessThan(pct(savings![2]!));
  await expect(result.getByTestId("what-if-changed")).toContainText(/[1-9][\d,]* requests \(\d+\.\d%\) would change model/);
  await expect(result.getByRole("row").filter({ hasText: /^coding/ })).toContainText("claude-opus-4.6");

  // A changed request links to its log.
  const first = result.getByRole("link").first();
  const requestId = await first.textContent();
  await first.click();
  await expect(page.getByRole("dialog").getByText(requestId!)).toBeVisible();
  await page.goBack();

  // The page reloaded the saved policy: the bar again, and the window the save's summary covers.
  await page.getByLabel("Quality bar (0-100) for coding").fill("80.8");
  await panel.getByRole("button", { name: "7 days" }).click();
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(page.getByText(/Saved as version \d+\./)).toBeVisible();
  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByTestId("version-what-if").first()).toContainText(/What-if when saved: \+\d+\.\d% cost vs previous, \d+\.\d% of requests change model \(based on [\d,]+ of [\d,]+ requests of the last 7 days\)/);

  // Leave the demo's default policy as the other journeys expect it.
  await page.getByLabel("Quality bar (0-100) for coding").fill(oldBar);
  await page.getByRole("button", { name: "Save new version" }).click();
  await expect(versions.getByTestId("version-what-if").first()).toContainText(/−\d+\.\d% cost vs previous/);
});
