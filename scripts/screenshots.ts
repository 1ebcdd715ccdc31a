// Pictures of the console's main pages for the README and docs/CONSOLE.md, taken from a running
// server signed in with the demo login: `npx tsx scripts/screenshots.ts http://localhost:3000`.
// Debian's Chromium draws them, as in the browser tests.
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { demoLogin } from "../e2e/demo";

const OUT_DIR = path.join("docs", "images");
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

interface Shot {
  file: string;
  path: string;
  viewport: typeof DESKTOP | typeof PHONE;
  /** Dark shots show the page as a system in dark mode sees it (the viewport only). */
  colorScheme?: "dark";
  /** What to do once the page has loaded, before the picture. */
  prepare?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { file: "dashboard.png", path: "/", viewport: DESKTOP },
  {
    file: "logs.png",
    path: "/logs",
    viewport: DESKTOP,
    prepare: async (page) => {
      await page.locator("main tbody tr").first().locator("button, a").first().click();
      const detail = page.getByRole("dialog");
      await detail.waitFor();
      // The detail loads its own query after opening: wait until it has drawn.
      await detail.getByText("Loading…").first().waitFor({ state: "detached" });
      await page.waitForLoadState("networkidle");
    },
  },
  {
    file: "policy-editor.png",
    path: "/policies",
    viewport: DESKTOP,
    prepare: async (page) => {
      await page.locator('main a[href^="/policies/"]:not([href="/policies/new"])').first().click();
      await page.getByRole("group", { name: "Rules per category" }).waitFor();
      await page.waitForLoadState("networkidle");
    },
  },
  { file: "models.png", path: "/models", viewport: DESKTOP },
  { file: "keys.png", path: "/keys", viewport: DESKTOP },
  { file: "dashboard-phone.png", path: "/", viewport: PHONE },
  { file: "dashboard-dark.png", path: "/", viewport: DESKTOP, colorScheme: "dark" },
];

async function main(baseUrl: string) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: DESKTOP, colorScheme: "light" });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoLogin.email);
    await page.getByLabel("Password").fill(demoLogin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    for (const shot of SHOTS) {
      await page.setViewportSize(shot.viewport);
      await page.emulateMedia({ colorScheme: shot.colorScheme ?? "light" });
      await page.goto(shot.path);
      await page.locator("h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      await shot.prepare?.(page);
      // No tooltip or hover state in the picture.
      await page.mouse.move(0, 0);
      const file = path.join(OUT_DIR, shot.file);
      await page.screenshot({ path: file, fullPage: shot.viewport === DESKTOP && !shot.prepare && !shot.colorScheme });
      console.log(`wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
}

const baseUrl = process.argv[2];
if (!baseUrl) {
  console.error("usage: npx tsx scripts/screenshots.ts <console URL, e.g. http://localhost:3000>");
  process.exit(2);
}
main(baseUrl).catch((error) => {
  console.error(error);
  process.exit(1);
});
