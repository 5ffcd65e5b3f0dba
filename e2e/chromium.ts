import fs from "node:fs";

import { chromium, type Browser } from "playwright-core";

import { MERCHANT_BROWSER } from "../emulator/merchant-browser";

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

/** Browser contexts stand for a merchant's and a shopper's browser, not a bot (see emulator/merchant-browser.ts). */
export const BROWSER_USER_AGENT = MERCHANT_BROWSER;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}
