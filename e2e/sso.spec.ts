// Single sign-on at desktop and phone widths, against the test identity provider that
// scripts/run-e2e.ts starts: an admin maps an email domain, someone from it signs in with the
// provider and lands in that organisation with the mapped role; an unmapped domain is refused.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn, uniqueName } from "./console-helpers";

const WIDTHS = [{ width: 1440, height: 900 }, { width: 390, height: 844 }];

function issuer(): string {
  const url = process.env.E2E_OIDC_ISSUER;
  if (!url) throw new Error("E2E_OIDC_ISSUER is not set; run the suite through `npm run test:e2e`");
  return url;
}

/** Who the test identity provider signs in next. */
async function idpUser(request: APIRequestContext, email: string) {
  const res = await request.post(`${issuer()}/test/user`, { data: { email, name: "Pat Example", emailVerified: true } });
  expect(res.status()).toBe(200);
}

async function signInWithIdp(page: Page) {
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
}

for (const { width, height } of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test("a person from a mapped domain signs in with the identity provider and lands in that organisation with its role; another domain is refused", async ({ page, request }) => {
      const domain = `${uniqueName("corp")}.example`;
      await signIn(page, demoLogin.email, demoLogin.password);
      await page.goto("/settings");
      await page.getByLabel("Email domain").fill(domain);
      await page.getByLabel("Role").selectOption("viewer");
      await page.getByRole("button", { name: "Add domain" }).click();
      await expect(page.getByRole("list", { name: "Single sign-on domains" })).toContainText(`${domain} joins as viewer`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      await idpUser(request, `pat@${domain}`);
      await signInWithIdp(page);
      await page.waitForURL((url) => url.pathname === "/");
      const current = await page.request.get("/api/trpc/tenant.current");
      expect((await current.json()).result.data.json).toMatchObject({ name: "Acme", role: "viewer" });

      await idpUser(request, `sam@${uniqueName("unmapped")}.example`);
      await signInWithIdp(page);
      await expect(page).toHaveURL(/\/sign-in\?error=SsoNotMapped/);
      await expect(page.getByRole("alert").filter({ hasText: "No organisation on Switchyard accepts single sign-on from your email domain" })).toBeVisible();
      // The password form stays beside the button.
      await expect(page.getByLabel("Password")).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    });
  });
}
