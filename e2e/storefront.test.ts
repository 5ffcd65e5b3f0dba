import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";

const demo = inject("demo");
const session = useBrowserSession();

/** Uses the storefront's shopper switch: a customer id or "guest", and a locale code. */
async function browseAs(customer: string, locale?: string) {
  await session.page.getByLabel("Browsing as", { exact: true }).selectOption(customer);
  if (locale) await session.page.getByLabel("Language", { exact: true }).selectOption(locale);
  await session.page.getByRole("button", { name: "Apply" }).click();
  await session.page.waitForLoadState();
}

const proxyJson = (path: string) =>
  session.page.evaluate(async (url) => {
    const response = await fetch(url, { headers: { accept: "application/json" } });
    return { status: response.status, body: await response.text() };
  }, path);

describe("the storefront help page", () => {
  it("renders the portal block from the extension's Liquid, with no script needed", async () => {
    await session.restart({ javaScriptEnabled: false });
    await session.page.goto(demo.storefrontUrl);
    await expect.poll(() => session.page.getByRole("heading", { name: "How can we help?" }).count()).toBe(1);
  });

  it("has no serious or critical accessibility violation and no console error", async () => {
    await session.page.goto(demo.storefrontUrl);
    expect(await blockingA11yViolations(session.page)).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it("switches between a guest and a signed-in shopper, and the app proxy knows which", async () => {
    await session.page.goto(demo.storefrontUrl);
    expect(await proxyJson("/apps/resolve/session")).toEqual({
      status: 200,
      body: JSON.stringify({ signedIn: false }),
    });

    const shopper = await session.page
      .getByLabel("Browsing as", { exact: true })
      .locator("option")
      .nth(1)
      .getAttribute("value");
    await browseAs(shopper!);
    expect(await session.page.getByLabel("Browsing as", { exact: true }).inputValue()).not.toBe("guest");
    expect(await proxyJson("/apps/resolve/session")).toEqual({ status: 200, body: JSON.stringify({ signedIn: true }) });
  });

  it("shows the block in the shopper's language", async () => {
    await session.page.goto(demo.storefrontUrl);
    await browseAs("guest", "fr");
    expect(new URL(session.page.url()).pathname).toBe("/fr/pages/help");
    expect(await session.page.locator("html").getAttribute("lang")).toBe("fr");
    await expect
      .poll(() => session.page.getByRole("heading", { name: "Comment pouvons-nous vous aider ?" }).count())
      .toBe(1);
  });

  it("rejects requests whose app-proxy signature is bad, stale, missing or for another shop", async () => {
    await session.page.goto(demo.storefrontUrl);
    for (const kind of ["bad-signature", "stale-timestamp", "missing-signature", "foreign-shop"]) {
      await fetch(`${demo.emulatorUrl}/_emulator/proxy-faults`, { method: "POST", body: JSON.stringify({ kind }) });
      const answer = await proxyJson("/apps/resolve/session");
      expect(answer.status, kind).toBeGreaterThanOrEqual(400);
      expect(answer.body, kind).not.toContain("signedIn");
    }
    expect((await proxyJson("/apps/resolve/session")).status).toBe(200);
  });
});
