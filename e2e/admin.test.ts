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

const app = () => page.frameLocator("iframe#app");

describe("the embedded admin in the emulator's Shopify admin", () => {
  it("installs through token exchange and renders the home page with the shop's own data", async () => {
    await page.goto(demo.adminUrl);
    await expect
      .poll(() => app().getByRole("heading", { name: "Welcome to Resolve, Resolve Demo Store" }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    // Orders counted by the Admin API (the seeded shop has orders in the last 60 days).
    const orders = await app()
      .getByRole("heading", { name: "Orders in the last 60 days" })
      .locator("xpath=../..")
      .innerText();
    expect(Number(orders.match(/\n(\d+)\n/)?.[1])).toBeGreaterThan(0);
    // App Bridge's title bar and navigation reach the admin around the app.
    await expect.poll(() => page.locator("#title").innerText()).toBe("Resolve");
    expect(consoleErrors).toEqual([]);
  });

  it("keeps working on client-side navigation, where requests carry the session token", async () => {
    await page.goto(demo.adminUrl);
    await expect
      .poll(
        () =>
          app()
            .getByRole("heading", { name: /Welcome to Resolve/ })
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    const dataRequest = page.waitForResponse(
      (response) => response.url().includes("/app") && response.url().includes(".data"),
    );
    await page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Resolve" }).click();
    const response = await dataRequest;
    expect(response.status()).toBe(200);
    expect(await response.request().headerValue("authorization")).toMatch(/^Bearer ey/);
    expect(consoleErrors).toEqual([]);
  });

  it("has no serious or critical accessibility violation (axe, WCAG 2.1 AA)", async () => {
    await page.goto(demo.adminUrl);
    await expect
      .poll(
        () =>
          app()
            .getByRole("heading", { name: /Welcome to Resolve/ })
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    const frame = page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    expect(frame).toBeDefined();
    const framePage = await context.newPage();
    await framePage.goto(frame!.url());
    await framePage.getByRole("heading", { name: /Welcome to Resolve/ }).waitFor();
    const results = await new AxeBuilder({ page: framePage })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const blocking = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(blocking.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  it("rides out Shopify throttling, and offers a retry when Shopify stays unavailable", async () => {
    const fault = (body: object | null) =>
      fetch(`${demo.emulatorUrl}/_emulator/faults`, {
        method: body ? "POST" : "DELETE",
        body: body ? JSON.stringify(body) : undefined,
      });
    await fault({ kind: "throttled", times: 1 });
    await page.goto(demo.adminUrl);
    await expect
      .poll(
        () =>
          app()
            .getByRole("heading", { name: /Welcome to Resolve, Resolve Demo Store/ })
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);

    await fault({ kind: "throttled", times: 50 });
    await page.reload();
    await expect.poll(() => app().getByText("Shopify is busy right now").count(), { timeout: 20_000 }).toBe(1);
    await fault(null);
    await app().getByRole("button", { name: "Try again" }).click();
    await expect
      .poll(
        () =>
          app()
            .getByRole("heading", { name: /Welcome to Resolve, Resolve Demo Store/ })
            .count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    expect(await app().getByText("Shopify is busy right now").count()).toBe(0);
  });

  it("refuses the app outside the admin without a valid session token", async () => {
    const response = await page.goto(`${demo.appUrl}/app?embedded=1&shop=${demo.shop}&id_token=forged.token.value`);
    expect(response?.status()).toBeGreaterThanOrEqual(400);
    expect(await page.content()).not.toContain("Welcome to Resolve");
  });
});
