// Every console page, at a desktop and a phone width: no sideways page scroll, no console
// errors and no serious or critical accessibility violations (axe, WCAG 2 A and AA).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoLogin } from "./demo";
import { signIn } from "./console-helpers";

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * The main pages are scanned in dark mode too, at this width only: the colours do not depend
 * on the width, and the other pages draw with the same components.
 */
const DARK_SCAN_WIDTH = 1440;
const DARK_SCAN_PAGES = new Set(["/", "/logs", "/models", "/keys", "/settings"]);

const SIGNED_IN_PAGES = ["/", "/logs", "/models", "/policies", "/policies/new", "/providers", "/keys", "/teams", "/members", "/audit", "/alerts", "/settings", "/docs", "/docs/api"];
const SIGNED_OUT_PAGES = ["/sign-in", "/sign-up", "/invite/no-such-invite"];

/** Console errors and uncaught exceptions since the last `take()`. */
function watchErrors(page: Page) {
  let errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return {
    take: () => {
      const taken = errors;
      errors = [];
      return taken;
    },
  };
}

/** The innermost elements that stick out past the right edge, to say what to fix. */
function overflowing(page: Page): Promise<string> {
  return page.evaluate(() => {
    const past = (e: Element) => e.getBoundingClientRect().right > window.innerWidth + 1;
    const culprits = [...document.body.querySelectorAll("*")].filter((e) => past(e) && ![...e.children].some(past));
    return culprits.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`).join(" | ");
  });
}

async function checkPage(page: Page, path: string, width: number, errors: ReturnType<typeof watchErrors>) {
  await test.step(`${path} at ${width} px`, async () => {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    // Queries settle and late layout (charts, tables) is drawn before measuring.
    await page.waitForLoadState("networkidle");
    const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect.soft(scrollWidth, `${path} is wider than the ${width} px viewport: ${await overflowing(page)}`).toBeLessThanOrEqual(width);
    expect.soft(errors.take(), `console errors on ${path}`).toEqual([]);
    expect.soft(await seriousViolations(page), `accessibility violations on ${path} at ${width} px`).toEqual([]);
    if (width === DARK_SCAN_WIDTH && DARK_SCAN_PAGES.has(path)) {
      // Dark mode follows the system setting: the same page must read as well in it.
      await page.emulateMedia({ colorScheme: "dark" });
      expect.soft(await seriousViolations(page), `accessibility violations on ${path} in dark mode`).toEqual([]);
      await page.emulateMedia({ colorScheme: "light" });
    }
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function signedOutPage(browser: Browser, viewport: (typeof VIEWPORTS)[number]) {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

for (const viewport of VIEWPORTS) {
  test(`every page fits ${viewport.width} px, logs no errors and passes axe`, async ({ page, browser }) => {
    test.setTimeout(600_000);
    await page.setViewportSize(viewport);
    const errors = watchErrors(page);
    await signIn(page, demoLogin.email, demoLogin.password);
    errors.take();
    // A real policy's editor, the page with the widest table.
    await page.goto("/policies");
    const firstPolicy = page.locator('main a[href^="/policies/"]:not([href="/policies/new"])').first();
    const policyPath = await firstPolicy.getAttribute("href");
    expect(policyPath).toBeTruthy();
    for (const path of [...SIGNED_IN_PAGES, policyPath!]) await checkPage(page, path, viewport.width, errors);
    if (viewport.width === 1440) {
      // The policy editor is open: at desktop width nothing of its rules is cut off or scrolled away.
      const rules = page.getByRole("group", { name: "Rules per category" });
      const hidden = await rules.evaluate((group) => group.scrollWidth - group.clientWidth);
      expect.soft(hidden, "part of the policy rules hidden at 1440 px").toBeLessThanOrEqual(0);
    }

    const anonymous = await signedOutPage(browser, viewport);
    const anonymousErrors = watchErrors(anonymous);
    for (const path of SIGNED_OUT_PAGES) await checkPage(anonymous, path, viewport.width, anonymousErrors);
    await anonymous.context().close();
  });
}
