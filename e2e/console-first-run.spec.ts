// A new organisation's first steps, at desktop and phone widths: the dashboard's checklist,
// a key created from it, snippets carrying that key, the first request ticked without a
// reload, and a guide opened from a link.
import { expect, test, type Page } from "@playwright/test";
import { uniqueName } from "./console-helpers";

async function signUpNewOrganisation(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Fay Founder");
  await page.getByLabel("Email").fill(`${uniqueName("first-run")}@example.test`);
  await page.getByLabel("Password").fill("correct-horse-battery");
  await page.getByLabel("Organisation").fill("Initech");
  await page.getByRole("button", { name: "Create account" }).click();
}

async function expectNoSidewaysScroll(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

for (const width of [1440, 390]) {
  test(`a new organisation goes from sign-up to its first routed request with the checklist (${width} px)`, async ({ page, context, baseURL }) => {
    // Sign-up hashes a password and the first pages of a new organisation load cold on a busy machine.
    test.setTimeout(90_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize({ width, height: 900 });
    await signUpNewOrganisation(page);

    const checklist = page.getByTestId("onboarding-checklist");
    await expect(checklist.getByRole("heading", { name: "Get started" })).toBeVisible({ timeout: 20_000 });
    await expect(checklist).toContainText("0 of 3 done");
    await expect(page.getByText("No data in this range")).toHaveCount(0);
    await expectNoSidewaysScroll(page, width);

    await checklist.getByRole("button", { name: "Use the simulator for now" }).click();
    await expect(page.getByTestId("onboarding-step-1")).toHaveAttribute("data-done", "true");

    await checklist.getByRole("button", { name: "Create a key" }).click();
    const dialog = page.getByRole("dialog", { name: "New API key" });
    await dialog.getByLabel("Name").fill("First key");
    await dialog.getByRole("button", { name: "Create key" }).click();
    const secret = (await checklist.getByTestId("secret-once").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^sy_/);
    await expect(page.getByTestId("onboarding-step-2")).toHaveAttribute("data-done", "true");

    const snippet = checklist.getByTestId("first-request-snippet");
    await expect(snippet).toContainText(`Bearer ${secret}`);
    await expect(snippet).toContainText(`${baseURL}/v1/chat/completions`);
    await checklist.getByRole("tab", { name: "Python" }).click();
    await expect(snippet).toContainText(`api_key="${secret}"`);
    await checklist.getByRole("button", { name: "Copy the Python snippet" }).click();
    await expect(checklist.getByRole("button", { name: "Copy the Python snippet" })).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(secret);
    await expectNoSidewaysScroll(page, width);

    // The request comes from outside the page, as an application's would; the page is not reloaded.
    const response = await fetch(`${baseURL}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "auto", messages: [{ role: "user", content: "Write a haiku about routers" }] }),
    });
    expect(response.status).toBe(200);
    await expect(page.getByTestId("onboarding-step-3")).toHaveAttribute("data-done", "true", { timeout: 15_000 });
    await expect(checklist.getByText("Your first request arrived.")).toBeVisible();
    await expect(checklist).toContainText("3 of 3 done");

    await checklist.getByRole("link", { name: "Learn more about the API" }).click();
    await expect(page).toHaveURL(/\/docs\/api$/);
    await expect(page.getByRole("heading", { level: 1, name: "Gateway API" })).toBeVisible();
    await expectNoSidewaysScroll(page, width);
    // Links between guides stay in the console.
    await page.getByRole("link", { name: "Docs", exact: true }).first().click();
    await expect(page.getByRole("heading", { name: "Docs" })).toBeVisible();
    await page.getByRole("link", { name: /Routing policies/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Routing: how Switchyard picks a model" })).toBeVisible();

    // Back on the dashboard, an organisation with traffic gets its charts, not the checklist.
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Last 30 days" })).toBeVisible();
    await expect(page.getByTestId("onboarding-checklist")).toHaveCount(0);
  });
}
