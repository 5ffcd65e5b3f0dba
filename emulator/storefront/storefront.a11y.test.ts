import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoSnapshot, renderInput, snapshotMetafields } from "./fixtures.js";
import {
  EXTENSION_ASSETS_URL_PREFIX,
  extensionAssetsDir,
  renderStorefrontPage,
  type StorefrontRenderInput,
} from "./index.js";

// Chromium comes from Debian (`apt-get install chromium`); without it these checks are skipped.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ORIGIN = "http://storefront.test";

describe.skipIf(!existsSync(chromiumPath))("storefront help page in a browser", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens the rendered page with its assets served from the extension, and nothing from the network. */
  async function open(input: StorefrontRenderInput, viewport = { width: 1280, height: 900 }) {
    const html = await renderStorefrontPage(input);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      if (url.pathname.startsWith(EXTENSION_ASSETS_URL_PREFIX)) {
        const file = path.join(extensionAssetsDir, path.basename(url.pathname));
        if (!existsSync(file)) return route.fulfill({ status: 404 });
        return route.fulfill({ status: 200, contentType: "text/css", body: readFileSync(file) });
      }
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    });
    await page.goto(`${ORIGIN}${input.path}`);
    return page;
  }

  it.each([
    [
      "a published FAQ, signed in, French",
      renderInput({ locale: "fr", customer: { id: 101, firstName: "Ana", email: "ana@example.com" } }),
    ],
    ["the empty state, guest, Japanese", renderInput({ locale: "ja", appMetafields: {} })],
  ])("has no axe violations (WCAG 2.1 AA) with %s", { timeout: 30_000 }, async (_name, input) => {
    const page = await open(input);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.context().close();
  });

  it("opens an answer with the keyboard, no JavaScript involved", { timeout: 30_000 }, async () => {
    const page = await open(renderInput());
    const question = page.locator("summary", { hasText: "How long does shipping take?" });
    await question.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("details").first().getAttribute("open")).toBe("");
    expect(await page.getByText("Orders ship within").isVisible()).toBe(true);
    await page.context().close();
  });

  it("applies the snapshot's accent color to the open question's border", { timeout: 30_000 }, async () => {
    const snapshot = demoSnapshot();
    snapshot.portal.branding = { ...snapshot.portal.branding, accentColor: "#aa0055", radius: 4 };
    const page = await open(
      renderInput({ appMetafields: snapshotMetafields(snapshot), blockSettings: { open_first_answer: true } }),
    );
    const style = await page.locator("details[open]").evaluate((el) => {
      const computed = getComputedStyle(el);
      return { border: computed.borderTopColor, radius: computed.borderTopLeftRadius };
    });
    expect(style).toEqual({ border: "rgb(170, 0, 85)", radius: "4px" });
    if (process.env.STOREFRONT_SCREENSHOT_DIR) {
      await page.screenshot({
        path: path.join(process.env.STOREFRONT_SCREENSHOT_DIR, "storefront-help.png"),
        fullPage: true,
      });
    }
    await page.context().close();
  });
});
