import { expect, test } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn, uniqueName } from "./console-helpers";

test("a viewer joins through an invite link, sees everything, can change nothing, and the server refuses direct calls", async ({ page, browser }) => {
  await signIn(page, demoLogin.email, demoLogin.password);
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await page.getByTestId("secret-once").innerText()).trim();
  expect(link).toContain("/invite/");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(link);
  await expect(viewer.getByRole("heading", { name: "Join Acme" })).toBeVisible();
  await viewer.getByRole("link", { name: "Create an account" }).click();
  await viewer.getByLabel("Your name").fill("Vic Viewer");
  await viewer.getByLabel("Email").fill(`${uniqueName("viewer")}@example.test`);
  await viewer.getByLabel("Password").fill("viewer-password-1");
  await viewer.getByRole("button", { name: "Create account and join" }).click();
  await expect(viewer.getByText("Acme · viewer")).toBeVisible();

  // Sees the data…
  await viewer.getByRole("link", { name: "Keys" }).click();
  await expect(viewer.getByTestId("key-row-Demo key")).toBeVisible();
  // …but no control to change it.
  await expect(viewer.getByRole("button", { name: "New key" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await viewer.getByRole("link", { name: "Policies" }).click();
  await expect(viewer.getByRole("link", { name: "New policy" })).toHaveCount(0);
  await viewer.getByRole("link", { name: "default", exact: true }).click();
  await expect(viewer.getByRole("button", { name: "Save new version" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Route it" })).toHaveCount(0);
  await viewer.getByRole("link", { name: "Providers" }).click();
  await expect(viewer.getByTestId("provider-openai")).toContainText("simulated");
  await expect(viewer.getByRole("button", { name: "Add credential" })).toHaveCount(0);

  // The server refuses the same calls made by hand with the viewer's session.
  const createKey = await viewer.request.post("/api/trpc/keys.create", {
    data: { json: { name: "sneaky", teamId: null, policyId: null, scopes: ["gateway"], monthlyBudgetUsd: null, rpmLimit: null, tpmLimit: null, expiresAt: null } },
  });
  expect(createKey.status()).toBe(403);
  expect(JSON.stringify(await createKey.json())).toContain("FORBIDDEN");
  const tester = await viewer.request.post("/api/trpc/policies.test", { data: { json: { policyId: "any", prompt: "hi" } } });
  expect(tester.status()).toBe(403);
  const list = await viewer.request.get("/api/trpc/keys.list");
  expect(list.status()).toBe(200);
  await viewerContext.close();
});
