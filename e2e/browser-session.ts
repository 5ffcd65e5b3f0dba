import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, BrowserContextOptions, FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";

import { BROWSER_USER_AGENT, launchChromium } from "./chromium";
import { watchConsoleErrors } from "./page-errors";

export interface BrowserSession {
  /** The current test's page, in a fresh browser context (no cookies, no storage). */
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions of the current page so far. */
  readonly consoleErrors: string[];
  /** The embedded app inside the emulator's admin frame. */
  app(): FrameLocator;
  /** Replaces the current context, e.g. with JavaScript off or a phone's viewport. */
  restart(options?: BrowserContextOptions): Promise<void>;
  /** A page in a context of its own (another person, e.g. the merchant: none of the defaults), closed with the browser. */
  openPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * One Chromium per test file and a fresh context per test, with a regular user agent (the Shopify library turns
 * HeadlessChrome away as a bot) and console errors collected. Call at the top level of a test file.
 */
export function useBrowserSession(defaults: BrowserContextOptions = {}): BrowserSession {
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let consoleErrors: string[] = [];

  const restart = async (options: BrowserContextOptions = {}) => {
    await context?.close();
    context = await browser.newContext({ userAgent: BROWSER_USER_AGENT, ...defaults, ...options });
    page = await context.newPage();
    consoleErrors = watchConsoleErrors(page);
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(() => restart());

  return {
    get page() {
      return page;
    },
    get context() {
      return context!;
    },
    get consoleErrors() {
      return consoleErrors;
    },
    app: () => page.frameLocator("iframe#app"),
    restart,
    openPage: async (options = {}) => {
      const other = await browser.newContext({ userAgent: BROWSER_USER_AGENT, ...options });
      return other.newPage();
    },
  };
}

/**
 * WCAG 2.1 A/AA violations axe rates serious or critical, as "id: help" lines (empty when clean), optionally
 * within `include` and leaving out `exclude` (CSS selectors).
 */
export async function blockingA11yViolations(
  page: Page,
  { include, exclude }: { include?: string; exclude?: string } = {},
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""))
    .map((violation) => `${violation.id}: ${violation.help}`);
}
