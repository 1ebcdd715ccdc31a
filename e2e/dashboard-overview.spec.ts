import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

const CHARTS = [
  "Spend by model",
  "Actual vs baseline cost",
  "Latency by model",
  "Model mix per category",
  "Requests and spend by category",
  "Top teams and keys by spend",
];

const figures = (page: Page) => page.getByRole("region", { name: "Key figures" });
const requestCount = async (page: Page) => Number((await figures(page).locator("p.text-2xl").first().innerText()).replace(/,/g, ""));

test("the dashboard draws every chart from the demo traffic, a filter changes the numbers, a click opens the matching logs", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, demoLogin.email, demoLogin.password);
  for (const label of ["Requests", "Spend", "Savings", "Latency p95", "Time to first token p50", "Cache hit rate", "Fallback rate", "Error rate"]) {
    await expect(figures(page)).toContainText(label);
  }
  for (const title of CHARTS) {
    const card = page.getByRole("region", { name: title, exact: true });
    await expect(card.locator(".recharts-surface").first()).toBeVisible();
    await expect(card.locator(".recharts-legend-wrapper, .recharts-cartesian-axis").first()).toBeVisible();
  }
  await expect(page.getByRole("region", { name: "Budget burn this month" }).getByRole("meter").first()).toBeVisible();
  await expect(figures(page)).toContainText("vs previous period");
  const allRequests = await requestCount(page);
  expect(allRequests).toBeGreaterThan(1000);
  await page.mouse.move(0, 0); // no tooltip in the picture
  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });

  // What a chart shows can be exported.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export Spend by model as CSV" }).click();
  const csv = await readFile((await (await download).path())!, "utf8");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toMatch(/^bucket_start_utc,/);
  expect(rows).toHaveLength(30);

  // A filter goes into the URL and narrows every figure.
  await page.getByLabel("Category", { exact: true }).selectOption("coding");
  await expect(page).toHaveURL(/category=coding/);
  await expect.poll(() => requestCount(page)).toBeLessThan(allRequests);
  const codingRequests = await requestCount(page);
  await page.getByLabel("Time range").selectOption("7d");
  await expect(page.getByRole("heading", { name: "Last 7 days" })).toBeVisible();
  await expect.poll(() => requestCount(page)).toBeLessThan(codingRequests);

  // The view can be shared: the same URL shows the same figures.
  const shared = page.url();
  const weekCoding = await requestCount(page);
  await page.goto(shared);
  await expect.poll(() => requestCount(page)).toBe(weekCoding);

  // Clicking a category's bar opens its request logs, filtered the same way.
  await page.getByRole("region", { name: "Requests and spend by category" }).locator(".recharts-bar-rectangle path").first().click();
  await expect(page).toHaveURL(/\/logs\?.*category=coding/);
  await expect(page.getByRole("heading", { name: "Request logs" })).toBeVisible();
  await expect(page.getByLabel("Category", { exact: true })).toHaveValue("coding");
  const categories = page.locator("tbody tr td:nth-child(4)");
  await expect(categories.first()).toHaveText("coding");
  expect(new Set(await categories.allInnerTexts())).toEqual(new Set(["coding"]));

  // Hovering a line chart shows its tooltip; clicking a point opens that bucket's logs.
  await page.goBack();
  const costChart = page.getByRole("region", { name: "Actual vs baseline cost", exact: true });
  const plot = costChart.locator("svg.recharts-surface[role=application]");
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 4 });
  await expect(costChart.locator(".recharts-tooltip-wrapper")).toHaveCSS("visibility", "visible");
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await expect(page).toHaveURL(/\/logs\?.*from=.*to=/);
  await expect(page.getByRole("heading", { name: "Request logs" })).toBeVisible();
});
