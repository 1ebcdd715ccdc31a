import { expect, test } from "@playwright/test";
import { signIn, uniqueName } from "./console-helpers";

test("a visitor signs up, owns a new organisation with a starter policy, signs out and back in", async ({ page }) => {
  const email = `${uniqueName("founder")}@example.test`;
  const password = "correct-horse-battery";
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();

  // The form checks the same schema as the server before sending anything.
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Name your organisation")).toBeVisible();

  await page.getByLabel("Your name").fill("Fay Founder");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Organisation").fill("Globex");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Last 30 days" })).toBeVisible();
  await expect(page.getByText("Globex · owner")).toBeVisible();
  await page.getByRole("link", { name: "Policies" }).click();
  await expect(page.getByRole("link", { name: "default" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, password);
  await expect(page.getByText("Globex · owner")).toBeVisible();
});
