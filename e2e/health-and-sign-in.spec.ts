import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";

test("health reports the database reachable and migrations applied", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", database: { reachable: true }, migrations: { applied: true, pending: [] } });
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("an anonymous visitor is sent to the sign-in page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in to Switchyard" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demoLogin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // Next also renders an (empty) route announcer with role "alert"; match ours by its text.
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("the demo owner signs in and sees the seeded traffic", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demoLogin.email);
  await page.getByLabel("Password").fill(demoLogin.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Last 30 days" })).toBeVisible();
  const figures = page.getByRole("region", { name: "Key figures" });
  await expect(figures).toContainText("Requests");
  const requests = await figures.locator("p.text-2xl").first().innerText();
  expect(Number(requests.replace(/,/g, ""))).toBeGreaterThan(1000);
});
