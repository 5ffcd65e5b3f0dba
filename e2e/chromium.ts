import fs from "node:fs";

import { chromium, type Browser } from "playwright-core";

/** Where Debian's Chromium (or one named by CHROMIUM_PATH) is; Playwright's own browser downloads do not work offline. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
  if (!found) {
    throw new Error(
      [
        "The browser tests need Chromium, and none was found.",
        "Install it with:   sudo apt-get update && sudo apt-get install -y chromium",
        "or point CHROMIUM_PATH at a Chromium or Chrome binary. (`npx playwright install` needs a download site this project does not rely on.)",
      ].join("\n"),
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Headless Chromium announces itself as "HeadlessChrome", which the Shopify library turns away as a bot
 * (410). The tests stand for a merchant's and a shopper's browser, so contexts use a regular user agent.
 */
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
