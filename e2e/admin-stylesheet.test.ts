import fs from "node:fs";
import { createRequire } from "node:module";

import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";

import { useBrowserSession } from "./browser-session";

const demo = inject("demo");
const session = useBrowserSession({ viewport: { width: 1280, height: 900 } });

// The stylesheet Polaris ships, before the build cut it down (scripts/build.mjs).
const fullPolarisCss = fs.readFileSync(
  createRequire(import.meta.url).resolve("@shopify/polaris/build/esm/styles.css"),
  "utf8",
);

const PAGES = [
  "/app",
  "/app/policy",
  "/app/faq",
  "/app/faq/new",
  "/app/faq/categories",
  "/app/faq/import",
  "/app/branding",
  "/app/requests",
];

/** Every element's box and the styles a merchant would see change, in document order. */
function renderedStyles(page: Page) {
  return page.evaluate(() => {
    const properties = [
      "display",
      "position",
      "color",
      "background-color",
      "font-size",
      "font-weight",
      "line-height",
      "margin",
      "padding",
      "border",
      "border-radius",
      "box-shadow",
      "gap",
      "grid-template-columns",
      "flex-direction",
      "align-items",
      "justify-content",
      "visibility",
      "opacity",
      "overflow",
      "text-decoration-line",
      "white-space",
    ];
    return [...document.body.querySelectorAll("*")].map((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const classes = typeof element.className === "string" ? element.className : "";
      return [
        `${element.tagName.toLowerCase()}.${classes.split(/\s+/).filter(Boolean).join(".")}`,
        `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}`,
        ...properties.map((property) => `${property}:${style.getPropertyValue(property)}`),
      ].join(" | ");
    });
  });
}

/** The embedded app's URL at `pathname`, with the session token the admin frame minted. */
async function appUrl(pathname: string): Promise<string> {
  await session.page.goto(demo.adminUrl);
  await expect
    .poll(() => session.page.frames().some((frame) => frame.url().startsWith(demo.appUrl)), { timeout: 20_000 })
    .toBe(true);
  const url = new URL(
    session.page
      .frames()
      .find((frame) => frame.url().startsWith(demo.appUrl))!
      .url(),
  );
  url.pathname = pathname;
  return url.toString();
}

async function stylesOf(pathname: string, stylesheet: "built" | "full") {
  const page = await session.context.newPage();
  if (stylesheet === "full") {
    await page.route("**/build/_assets/*.css", (route) =>
      route.fulfill({ status: 200, contentType: "text/css", body: fullPolarisCss }),
    );
  }
  await page.goto(await appUrl(pathname));
  await page.waitForLoadState("networkidle");
  await page.evaluate(async () => {
    await document.fonts.ready;
    // Transitions still running (an empty state fading in) would differ by timing alone: end them.
    for (const animation of document.getAnimations()) {
      if (Number.isFinite(animation.effect?.getComputedTiming().endTime)) animation.finish();
      else animation.cancel();
    }
  });
  const styles = await renderedStyles(page);
  await page.close();
  return styles;
}

describe("the admin's slimmed stylesheet", () => {
  it("renders every admin page exactly as Polaris's full stylesheet does", async () => {
    for (const pathname of PAGES) {
      const built = await stylesOf(pathname, "built");
      const full = await stylesOf(pathname, "full");
      expect(built.length, `${pathname} rendered no elements`).toBeGreaterThan(20);
      const differences = built
        .map((line, index) =>
          line === full[index] ? null : `${pathname} #${index}\n  built: ${line}\n  full:  ${full[index]}`,
        )
        .filter(Boolean);
      expect(differences.slice(0, 5), `${differences.length} elements differ on ${pathname}`).toEqual([]);
      expect(built.length).toBe(full.length);
    }
  });
});
