import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";

import { BROWSER_USER_AGENT, launchChromium } from "./chromium";
import { watchConsoleErrors } from "./page-errors";

const demo = inject("demo");
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext({ userAgent: BROWSER_USER_AGENT });
  page = await context.newPage();
  consoleErrors = watchConsoleErrors(page);
});

/** Uses the storefront's shopper switch: a customer id or "guest", and a locale code. */
async function browseAs(customer: string, locale?: string) {
  await page.getByLabel("Browsing as", { exact: true }).selectOption(customer);
  if (locale) await page.getByLabel("Language", { exact: true }).selectOption(locale);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForLoadState();
}

const proxyJson = (path: string) =>
  page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    return { status: response.status, body: await response.text() };
  }, path);

describe("the storefront help page", () => {
  it("renders the portal block from the extension's Liquid, with no script needed", async () => {
    await context.close();
    context = await browser.newContext({ javaScriptEnabled: false, userAgent: BROWSER_USER_AGENT });
    page = await context.newPage();
    await page.goto(demo.storefrontUrl);
    await expect.poll(() => page.getByRole("heading", { name: "How can we help?" }).count()).toBe(1);
  });

  it("has no serious or critical accessibility violation and no console error", async () => {
    await page.goto(demo.storefrontUrl);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const blocking = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("switches between a guest and a signed-in shopper, and the app proxy knows which", async () => {
    await page.goto(demo.storefrontUrl);
    expect(await proxyJson("/apps/resolve/session")).toEqual({
      status: 200,
      body: JSON.stringify({ signedIn: false }),
    });

    const shopper = await page
      .getByLabel("Browsing as", { exact: true })
      .locator("option")
      .nth(1)
      .getAttribute("value");
    await browseAs(shopper!);
    expect(await page.getByLabel("Browsing as", { exact: true }).inputValue()).not.toBe("guest");
    expect(await proxyJson("/apps/resolve/session")).toEqual({ status: 200, body: JSON.stringify({ signedIn: true }) });
  });

  it("shows the block in the shopper's language", async () => {
    await page.goto(demo.storefrontUrl);
    await browseAs("guest", "fr");
    expect(new URL(page.url()).pathname).toBe("/fr/pages/help");
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    await expect.poll(() => page.getByRole("heading", { name: "Comment pouvons-nous vous aider ?" }).count()).toBe(1);
  });

  it("rejects requests whose app-proxy signature is bad, stale, missing or for another shop", async () => {
    await page.goto(demo.storefrontUrl);
    for (const kind of ["bad-signature", "stale-timestamp", "missing-signature", "foreign-shop"]) {
      await fetch(`${demo.emulatorUrl}/_emulator/proxy-faults`, { method: "POST", body: JSON.stringify({ kind }) });
      const answer = await proxyJson("/apps/resolve/session");
      expect(answer.status, kind).toBeGreaterThanOrEqual(400);
      expect(answer.body, kind).not.toContain("signedIn");
    }
    expect((await proxyJson("/apps/resolve/session")).status).toBe(200);
  });
});
