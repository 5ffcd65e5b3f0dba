import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";

const demo = inject("demo");
const session = useBrowserSession();

const app = () => session.app();
const welcome = (name: string | RegExp = /Welcome to Resolve/) => app().getByRole("heading", { name });

/** Opens the admin and waits for the app's home page in its frame. */
async function openHome(name?: string | RegExp) {
  await session.page.goto(demo.adminUrl);
  await expect.poll(() => welcome(name).count(), { timeout: 20_000 }).toBe(1);
}

describe("the embedded admin in the emulator's Shopify admin", () => {
  it("installs through token exchange and renders the home page with the shop's own data", async () => {
    await openHome("Welcome to Resolve, Resolve Demo Store");
    // Orders counted by the Admin API (the seeded shop has orders in the last 60 days).
    const orders = await app()
      .getByRole("heading", { name: "Orders in the last 60 days" })
      .locator("xpath=../..")
      .innerText();
    expect(Number(orders.match(/\n(\d+)\n/)?.[1])).toBeGreaterThan(0);
    // App Bridge's title bar and navigation reach the admin around the app.
    await expect.poll(() => session.page.locator("#title").innerText()).toBe("Resolve");
    expect(session.consoleErrors).toEqual([]);
  });

  it("keeps working on client-side navigation, where requests carry the session token", async () => {
    await openHome();
    const dataRequest = session.page.waitForResponse(
      (response) => response.url().includes("/app") && response.url().includes(".data"),
    );
    await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Resolve" }).click();
    const response = await dataRequest;
    expect(response.status()).toBe(200);
    expect(await response.request().headerValue("authorization")).toMatch(/^Bearer ey/);
    expect(session.consoleErrors).toEqual([]);
  });

  it("has no serious or critical accessibility violation (axe, WCAG 2.1 AA)", async () => {
    await openHome();
    const frame = session.page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    expect(frame).toBeDefined();
    const framePage = await session.context.newPage();
    await framePage.goto(frame!.url());
    await framePage.getByRole("heading", { name: /Welcome to Resolve/ }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);
  });

  it("rides out Shopify throttling, and offers a retry when Shopify stays unavailable", async () => {
    const fault = (body: object | null) =>
      fetch(`${demo.emulatorUrl}/_emulator/faults`, {
        method: body ? "POST" : "DELETE",
        body: body ? JSON.stringify(body) : undefined,
      });
    await fault({ kind: "throttled", times: 1 });
    await openHome(/Welcome to Resolve, Resolve Demo Store/);

    await fault({ kind: "throttled", times: 50 });
    await session.page.reload();
    await expect.poll(() => app().getByText("Shopify is busy right now").count(), { timeout: 20_000 }).toBe(1);
    await fault(null);
    await app().getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => welcome(/Welcome to Resolve, Resolve Demo Store/).count(), { timeout: 20_000 }).toBe(1);
    expect(await app().getByText("Shopify is busy right now").count()).toBe(0);
  });

  it("refuses the app outside the admin without a valid session token", async () => {
    const response = await session.page.goto(
      `${demo.appUrl}/app?embedded=1&shop=${demo.shop}&id_token=forged.token.value`,
    );
    expect(response?.status()).toBeGreaterThanOrEqual(400);
    expect(await session.page.content()).not.toContain("Welcome to Resolve");
  });
});
