import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";

/**
 * The merchant's inbox: a shopper's contact request sent from the storefront (through the emulator's app proxy, as
 * the block sends it) shows up in the embedded admin with what the shopper tried first, and is resolved there.
 * The contact endpoint allows 5 requests per 10 minutes per shop and IP, and every browser test comes from the
 * same address: this file sends three.
 */

const demo = inject("demo");
const session = useBrowserSession();

const app = () => session.app();
const toasts = () => session.page.locator("#toasts");

const HOSTILE = "<img src=x onerror=alert(1)>";

/** Sends a contact request from the storefront page; answers its reference. */
async function sendContactRequest(
  name: string,
  message: string,
  { orderNumber = "#1011", shopper }: { orderNumber?: string; shopper?: string } = {},
): Promise<string> {
  await session.page.goto(demo.storefrontUrl);
  if (shopper) {
    // Signed in through the emulator's storefront: the app proxy then names the customer, and the order is checked.
    const select = session.page.getByLabel("Browsing as", { exact: true });
    await select.selectOption((await select.locator("option", { hasText: shopper }).getAttribute("value"))!);
    await session.page.getByRole("button", { name: "Apply" }).click();
    await session.page.waitForLoadState();
  }
  const answer = await session.page.evaluate(
    async (body) => {
      const response = await fetch("/apps/resolve/contact", {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    {
      submissionKey: crypto.randomUUID(),
      name,
      email: "inbox.shopper@example.com",
      message,
      orderNumber,
      locale: "fr",
      context: {
        searches: ["where is my parcel"],
        articles: [{ id: "shipping-times", title: "Shipping times" }],
        eligibility: [{ order: "#1011", line: "Blue shirt", eligible: false, reason: "window_ended" }],
        page: "/pages/help",
      },
    },
  );
  expect(answer.status, answer.text).toBe(201);
  return (JSON.parse(answer.text) as { reference: string }).reference;
}

/** Opens the admin and goes to Requests through the app's menu, as a merchant does. */
async function openInbox() {
  await session.page.goto(demo.adminUrl);
  const link = session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Requests" });
  await link.waitFor({ timeout: 20_000 });
  await link.click();
  await app().getByRole("heading", { name: "Requests", level: 1 }).waitFor({ timeout: 20_000 });
}

describe("the contact-request inbox in the admin", () => {
  it("lists a shopper's request, shows its message literally with its context, and resolves and reopens it", async () => {
    const name = `Inbox Shopper ${Date.now()}`;
    const reference = await sendContactRequest(name, `Hello ${HOSTILE}\nMy parcel has not arrived.`);
    let alerted = false;
    session.page.on("dialog", (dialog) => {
      alerted = true;
      void dialog.dismiss();
    });

    await openInbox();
    await expect.poll(() => session.page.locator("#title").innerText()).toBe("Requests");
    await app().getByRole("searchbox", { name: "Search requests" }).fill(name);
    const row = app().getByRole("row").filter({ hasText: reference });
    // The search has reached the URL, so the request's page can lead back to it.
    await expect
      .poll(() => row.getByRole("link", { name: reference }).getAttribute("href"), { timeout: 10_000 })
      .toContain("query=");
    const rowText = await row.innerText();
    expect(rowText).toContain(name);
    expect(rowText).toContain(`Hello ${HOSTILE}`);
    expect(rowText).toContain("#1011");
    expect(rowText).toContain("Unverified");
    expect(rowText).toContain("Open");
    expect(rowText).toMatch(/[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/);

    await row.getByRole("link", { name: reference }).click();
    await app().getByRole("heading", { name: reference, level: 1 }).waitFor({ timeout: 10_000 });
    await expect.poll(() => session.page.locator("#title").innerText()).toBe(reference);
    const message = app().getByTestId("request-message");
    // Shown as the text the shopper typed, line break included; never as HTML.
    expect(await message.innerText()).toBe(`Hello ${HOSTILE}\nMy parcel has not arrived.`);
    expect(await message.locator("img").count()).toBe(0);
    // What the shopper tried before writing.
    const main = app().locator("body");
    await expect.poll(() => main.innerText()).toContain("“where is my parcel”");
    const page = await main.innerText();
    expect(page).toContain("Shipping times");
    expect(page).toContain("#1011 · Blue shirt");
    expect(page).toContain("Not eligible: return window ended");
    expect(page).toContain("Not verified");
    expect(page).toContain("French");
    expect(page).toContain("/pages/help");
    const reply = app().getByRole("link", { name: "Reply by email" });
    expect(await reply.getAttribute("href")).toBe(
      `mailto:inbox.shopper@example.com?subject=${encodeURIComponent(`Re: your request ${reference}`)}`,
    );

    await app().getByRole("button", { name: "Mark as resolved" }).click();
    await expect.poll(() => toasts().innerText(), { timeout: 10_000 }).toContain("Request marked as resolved");
    await app().getByRole("button", { name: "Reopen" }).waitFor();
    // Times in the shop's time zone (the demo shop is in New York), named.
    expect(await main.innerText()).toMatch(/Resolved [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/);

    // Back to the list with the search kept: the request has left the open tab, and is under Resolved.
    await app().getByRole("link", { name: "Requests" }).first().click();
    await app().getByRole("heading", { name: "Requests", level: 1 }).waitFor();
    await expect.poll(() => app().getByRole("searchbox", { name: "Search requests" }).inputValue()).toBe(name);
    await expect.poll(() => app().getByText("No requests match").count(), { timeout: 10_000 }).toBe(1);
    expect(await app().getByRole("row").filter({ hasText: reference }).count()).toBe(0);
    await app().getByRole("tab", { name: "Resolved" }).click();
    const resolvedRow = app().getByRole("row").filter({ hasText: reference });
    await resolvedRow.waitFor({ timeout: 10_000 });
    expect(await resolvedRow.innerText()).toContain("Resolved");

    await resolvedRow.getByRole("link", { name: reference }).click();
    await app().getByRole("button", { name: "Reopen" }).click();
    await expect.poll(() => toasts().innerText(), { timeout: 10_000 }).toContain("Request reopened");
    await app().getByRole("button", { name: "Mark as resolved" }).waitFor();

    expect(alerted).toBe(false);
    expect(session.consoleErrors).toEqual([]);
  });

  it("has no serious or critical accessibility violation on the list, a request and a missing request (axe)", async () => {
    const reference = await sendContactRequest("Emma Johnson", "Can I change the size of my order?", {
      orderNumber: "1035",
      shopper: "Emma Johnson",
    });
    await session.page.goto(demo.adminUrl);
    await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Requests" }).waitFor({
      timeout: 20_000,
    });
    const frame = session.page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    expect(frame).toBeDefined();
    // The frame's launch parameters (shop, host, session token) open any admin page outside the frame.
    const launch = new URL(frame!.url()).search;
    const framePage = await session.context.newPage();

    await framePage.goto(`${demo.appUrl}/app/requests${launch}`);
    await framePage.getByRole("heading", { name: "Requests", level: 1 }).waitFor();
    await framePage.getByRole("link", { name: reference }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);

    await framePage.getByRole("link", { name: reference }).click();
    await framePage.getByRole("heading", { name: reference, level: 1 }).waitFor();
    // A signed-in shopper's order was checked: it links to the order in the Shopify admin.
    expect(await framePage.getByRole("link", { name: "View order #1035 in Shopify" }).getAttribute("href")).toMatch(
      /^shopify:\/\/admin\/orders\/\d+$/,
    );
    expect(await framePage.getByText("Not verified").count()).toBe(0);
    expect(await blockingA11yViolations(framePage)).toEqual([]);

    const missing = await framePage.goto(`${demo.appUrl}/app/requests/not-a-request${launch}`);
    expect(missing?.status()).toBe(404);
    await framePage.getByRole("heading", { name: "Request not found", level: 1 }).waitFor();
    await framePage.getByRole("link", { name: "Back to requests" }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);
  });

  it("shows a signed-in shopper's order sent while Shopify was down as not checked, and why", async () => {
    await fetch(`${demo.emulatorUrl}/_emulator/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "server-error", status: 502, operationName: "OrderTracking", times: 100 }),
    });
    let reference: string;
    try {
      reference = await sendContactRequest("Emma Johnson", "Has my order left yet?", {
        orderNumber: "1035",
        shopper: "Emma Johnson",
      });
    } finally {
      await fetch(`${demo.emulatorUrl}/_emulator/faults`, { method: "DELETE" });
    }
    await openInbox();
    const row = app().getByRole("row").filter({ hasText: reference });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain("Unverified");
    await row.getByRole("link", { name: reference }).click();
    await app().getByRole("heading", { name: reference, level: 1 }).waitFor({ timeout: 10_000 });
    const page = await app().locator("body").innerText();
    expect(page).toContain("Not verified");
    expect(page).toContain("Shopify was not answering when they wrote");
    expect(page).not.toContain("A guest typed this number");
    expect(
      await app()
        .getByRole("link", { name: /View order/ })
        .count(),
    ).toBe(0);
  });
});
