import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";

/**
 * The self-service portal as shoppers use it on the storefront's help page: the block's Liquid, its script
 * (extensions/self-service/assets/portal.js), the app proxy and the app built for production, against the
 * emulator's shop. Flows are completed with the keyboard, in English and in French.
 */

const demo = inject("demo");
// These shoppers browse from their own network, so the guest lookup limits per IP are theirs alone.
const session = useBrowserSession({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.51" } });
const page = () => session.page;

const CSV_HEADER = "handle,locale,category,status,position,question,answer_markdown,keywords";
const FAQ_ROWS = [
  "delivery-time,en,Delivery,published,1,How long does delivery take?,Orders arrive in **3 to 5 business days**.,shipping parcel",
  "delivery-time,fr,Livraison,published,1,Combien de temps prend la livraison ?,Les commandes arrivent en **3 à 5 jours ouvrés**.,expédition colis",
  "exchange-size,en,Returns,published,2,Can I exchange an item for another size?,Yes: start a return and choose an exchange.,swap",
  "exchange-size,fr,Retours,published,2,Puis-je échanger un article contre une autre taille ?,Oui : lancez un retour et choisissez un échange.,échange",
];

/** The merchant's part: a saved return policy (with return reasons) and a published FAQ, done in the admin. */
beforeAll(async () => {
  const merchant = await session.openPage();
  const app = () => merchant.frameLocator("iframe#app");
  const nav = (name: string) => merchant.getByRole("navigation", { name: "Admin" }).getByRole("button", { name });
  await merchant.goto(demo.adminUrl);
  await nav("Return policy").waitFor({ timeout: 20_000 });
  await nav("Return policy").click();
  const windowField = app().getByRole("spinbutton", { name: "Return window" });
  await windowField.waitFor({ timeout: 20_000 });
  await windowField.fill((await windowField.inputValue()) === "30" ? "31" : "30");
  await merchant.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" }).click();
  await merchant.locator("#toasts").getByText("Return policy saved").waitFor({ timeout: 20_000 });

  await nav("FAQ").click();
  await app().getByRole("link", { name: "Import and export" }).first().click();
  await app()
    .locator("input[type=file]")
    .setInputFiles({
      name: "faq.csv",
      mimeType: "text/csv",
      buffer: Buffer.from([CSV_HEADER, ...FAQ_ROWS].join("\n")),
    });
  await app().getByRole("button", { name: "Import", exact: true }).click();
  await app().getByText("Import complete").waitFor({ timeout: 20_000 });
});

/** The emulator storefront's shopper switch: a customer's name, or "Guest", and a language. */
async function browseAs(shopper: string, locale = "en") {
  await page().goto(demo.storefrontUrl);
  const select = page().getByLabel("Browsing as", { exact: true });
  const value = await select.locator("option", { hasText: shopper }).first().getAttribute("value");
  await select.selectOption(value!);
  await page().getByLabel("Language", { exact: true }).selectOption(locale);
  await page().getByRole("button", { name: "Apply" }).click();
  await page().waitForLoadState();
  await page().locator("resolve-portal[data-ready]").waitFor();
}

/** Moves focus with Tab until `target` has it, as a keyboard user does (fails if it never gets there). */
async function tabTo(target: ReturnType<Page["locator"]>, limit = 80) {
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page().keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const portal = () => page().locator("resolve-portal");

/** The merchant, in another browser, opens a contact request from the admin's Requests inbox. */
async function openInInbox(reference: string) {
  const merchant = await session.openPage();
  await merchant.goto(demo.adminUrl);
  const nav = merchant.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Requests" });
  await nav.waitFor({ timeout: 20_000 });
  await nav.click();
  const app = merchant.frameLocator("iframe#app");
  await app
    .getByRole("link", { name: new RegExp(reference) })
    .first()
    .click();
  await app.getByRole("heading", { name: reference, level: 1 }).waitFor({ timeout: 20_000 });
  return app;
}

/** The block's French strings, as the shopper reads them (placeholders filled like the script does). */
const fr = JSON.parse(
  readFileSync(new URL("../extensions/self-service/locales/fr.json", import.meta.url), "utf8"),
).portal;
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\[(\w+)\]/g, (_, name: string) => values[name] ?? `[${name}]`);
const focusedText = () => page().evaluate(() => document.activeElement?.textContent?.trim() ?? "");

describe("tracking an order", () => {
  it("lets a signed-in shopper pick a recent order and follow its parcels, with the keyboard", async () => {
    await browseAs("Noah Brown");
    const showOrders = portal().getByRole("button", { name: "Show my recent orders" });
    await tabTo(showOrders);
    await page().keyboard.press("Enter");
    // The list arrives with focus on its first order; the shopper tabs to the one they want.
    const order = portal().getByRole("button", { name: /Order #1016/ });
    await order.waitFor();
    await tabTo(order);
    await page().keyboard.press("Enter");

    const detail = portal().locator(".resolve-portal__order");
    await detail.getByRole("heading", { name: "Order #1016", level: 4 }).waitFor();
    expect(await focusedText()).toBe("Order #1016");
    const shipments = detail.locator(".resolve-portal__shipment");
    // Two parcels: one delivered, one on its way with USPS; the belt is not shipped yet.
    await expect.poll(() => shipments.count()).toBe(3);
    const inTransit = shipments.filter({ hasText: "Shipment 2 of 2" });
    expect(await inTransit.locator(".resolve-portal__stage").innerText()).toBe("In transit");
    expect(await inTransit.getByText("Carrier: USPS").count()).toBe(1);
    expect(await inTransit.locator("[aria-current=step]").innerText()).toBe("In transit");
    const carrierLink = inTransit.getByRole("link", { name: /Track this parcel on the carrier’s website/ });
    expect(await carrierLink.getAttribute("href")).toMatch(/^https:\/\/.*usps/i);
    expect(await shipments.filter({ hasText: "Shipment 1 of 2" }).locator(".resolve-portal__stage").innerText()).toBe(
      "Delivered",
    );
    expect(await shipments.filter({ hasText: "Not shipped yet" }).innerText()).toContain("Leather Belt – L × 1");
    expect(await blockingA11yViolations(page(), { include: "resolve-portal" })).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it("lets a guest track an order with its number and email, and asks them to sign in to return it", async () => {
    await browseAs("Guest");
    const number = portal().getByRole("textbox", { name: "Order number", exact: true });
    await tabTo(number);
    await page().keyboard.type("1011");
    await page().keyboard.press("Tab");
    await page().keyboard.type("alex.kim@example.net");
    await page().keyboard.press("Enter");

    const detail = portal().locator(".resolve-portal__order");
    await detail.getByRole("heading", { name: "Order #1011" }).waitFor();
    expect(await detail.locator(".resolve-portal__stage").innerText()).toBe("In transit");
    expect(await detail.getByText("Carrier: FedEx").count()).toBe(1);
    expect(await detail.getByText(/^Expected /).count()).toBe(1);
    // Returns need an account: the link signs the guest in and brings them back to this page.
    const signIn = detail.getByRole("link", { name: "Sign in to return items" });
    expect(await signIn.getAttribute("href")).toBe("/account/login?return_url=%2Fpages%2Fhelp");
    expect(await detail.getByRole("button", { name: "Return items" }).count()).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });

  it("tells a guest when the number and email do not match, and names the empty field", async () => {
    await browseAs("Guest");
    const form = portal().locator("form[data-r=lookup]");
    await form.getByRole("button", { name: "Find my order" }).click();
    expect(await form.getByRole("alert").innerText()).toContain("Some fields need your attention.");
    expect(await form.getByText("Enter your order number.").count()).toBe(1);
    expect(await form.getByRole("textbox", { name: "Order number", exact: true }).getAttribute("aria-invalid")).toBe(
      "true",
    );

    await form.getByRole("textbox", { name: "Order number", exact: true }).fill("#1011");
    await form.getByRole("textbox", { name: "Email" }).fill("someone.else@example.net");
    await form.getByRole("button", { name: "Find my order" }).click();
    await expect
      .poll(() => form.getByRole("alert").innerText())
      .toContain("We could not find an order with this number and email.");
    expect(await portal().locator(".resolve-portal__order").count()).toBe(0);
    // The app answered 404, which the browser logs; nothing else went wrong.
    expect(session.consoleErrors.filter((error) => !/status of 404/.test(error))).toEqual([]);
  });
});

describe("returning an item", () => {
  it("files a return of the eligible line and shows the final-sale lines as not returnable, with the keyboard", async () => {
    await browseAs("Isabella Rossi");
    await portal().getByRole("button", { name: "Show my recent orders" }).click();
    await portal()
      .getByRole("button", { name: /Order #1022/ })
      .click();
    const startReturn = portal().getByRole("button", { name: "Return items" });
    await tabTo(startReturn);
    await page().keyboard.press("Enter");

    const form = portal().locator(".resolve-portal__return");
    await form.getByRole("heading", { name: "Return items from order #1022" }).waitFor();
    expect(await focusedText()).toBe("Return items from order #1022");
    for (const finalSale of ["Swim Shorts – L", "Gold Hoop Earrings"]) {
      const line = form.locator(".resolve-portal__line.is-ineligible").filter({ hasText: finalSale });
      expect(await line.innerText()).toContain("Final sale: this item cannot be returned.");
    }
    const tee = form.getByRole("checkbox", { name: "Classic Organic Tee – S" });
    await tabTo(tee);
    await page().keyboard.press("Space");
    expect(await tee.isChecked()).toBe(true);
    const reason = form.getByRole("combobox", { name: "Reason for the return" });
    await tabTo(reason);
    await reason.selectOption({ label: "Too small" });
    expect(await form.getByRole("radio", { name: "A refund" }).isChecked()).toBe(true);
    await tabTo(form.getByRole("button", { name: "Request the return" }));
    await page().keyboard.press("Enter");

    const done = portal().locator("div.resolve-portal__success");
    await done.waitFor({ timeout: 20_000 });
    expect(await done.innerText()).toContain("Your return for order #1022 has been requested.");
    // It is a Return in Shopify, requested for the merchant to review: one unit of the tee.
    const returns = (await (
      await fetch(`${demo.emulatorUrl}/_emulator/returns?order=${encodeURIComponent("#1022")}`)
    ).json()) as { status: string; lineItems: { quantity: number; customerNote: string | null }[] }[];
    expect(returns.map((entry) => entry.status)).toEqual(["REQUESTED"]);
    expect(returns[0]!.lineItems.map((line) => line.quantity)).toEqual([1]);
    expect(session.consoleErrors).toEqual([]);
  });
});

describe("exchanging an item", () => {
  it("offers the product's other variants and tells the merchant the one wanted", async () => {
    await browseAs("Noah Brown");
    await portal().getByRole("button", { name: "Show my recent orders" }).click();
    await portal()
      .getByRole("button", { name: /Order #1005/ })
      .click();
    await portal().getByRole("button", { name: "Return items" }).click();
    const form = portal().locator(".resolve-portal__return");
    await form.getByRole("checkbox", { name: "Packable Rain Jacket – L" }).check();
    await form.getByRole("combobox", { name: "Reason for the return" }).selectOption({ label: "Too large" });
    await form.getByRole("radio", { name: "An exchange" }).check();
    const wanted = form.getByRole("combobox", { name: "Exchange for" });
    // The other sizes of the jacket, not the one bought.
    expect(await wanted.locator("option:not([value=''])").allInnerTexts()).toEqual(["S", "M"]);
    await wanted.selectOption({ label: "M" });
    await form.getByRole("button", { name: "Request the return" }).click();
    await portal().locator("div.resolve-portal__success").waitFor({ timeout: 20_000 });

    const returns = (await (
      await fetch(`${demo.emulatorUrl}/_emulator/returns?order=${encodeURIComponent("#1005")}`)
    ).json()) as { status: string; lineItems: { customerNote: string | null }[] }[];
    expect(returns).toHaveLength(1);
    expect(returns[0]!.lineItems[0]!.customerNote).toContain("exchange for Packable Rain Jacket - M");
    expect(session.consoleErrors).toEqual([]);
  });
});

describe("the FAQ", () => {
  it("finds the right article despite a typo, counts the search, and takes feedback", async () => {
    await browseAs("Guest");
    const search = portal().getByRole("searchbox", { name: "Search the questions" });
    await tabTo(search);
    await page().keyboard.type("delivrey");
    const visible = portal().locator("details[data-article]:visible summary");
    await expect.poll(() => visible.allInnerTexts()).toEqual(["How long does delivery take?"]);
    await expect.poll(() => page().locator("[data-r=status]").innerText()).toBe("1 question matches “delivrey”.");

    await page().keyboard.press("Tab");
    await page().keyboard.press("Enter");
    const article = portal().locator("details[open]").filter({ hasText: "How long does delivery take?" });
    expect(await article.locator(".resolve-portal__answer").innerText()).toContain("3 to 5 business days");
    await article.getByRole("button", { name: "Yes" }).click();
    await expect.poll(() => focusedText()).toBe("Thank you for your feedback.");

    await search.fill("warranty certificate");
    await expect.poll(() => portal().getByText("No question matches your search.").isVisible()).toBe(true);
    expect(session.consoleErrors).toEqual([]);
  });
});

describe("contacting the store", () => {
  it("sends a message with what the shopper already tried, and the merchant sees it in the inbox", async () => {
    await browseAs("Noah Brown");
    await portal().getByRole("searchbox", { name: "Search the questions" }).fill("parcel lost");
    await portal().getByRole("button", { name: "Show my recent orders" }).click();
    await portal()
      .getByRole("button", { name: /Order #1016/ })
      .click();
    await portal().getByRole("heading", { name: "Order #1016" }).waitFor();

    const form = portal().locator("form[data-r=contact]");
    // Signed in: name and email are filled in already.
    expect(await form.getByRole("textbox", { name: "Email" }).inputValue()).toBe("noah.brown@example.com");
    await form.getByRole("button", { name: "Send message" }).click();
    expect(await form.getByText("Write your message.").count()).toBe(1);
    expect(await form.getByRole("textbox", { name: "Message" }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await page().keyboard.type("My second parcel has not moved. <b>Help</b>");
    await form.getByRole("button", { name: "Send message" }).click();

    const sent = portal().locator("[data-r=contact-done]");
    await sent.waitFor({ timeout: 20_000 });
    const reference = /R-[0-9A-Z]{6}/.exec(await sent.innerText())?.[0];
    expect(reference).toBeDefined();
    expect(await sent.innerText()).toContain("We will reply to noah.brown@example.com.");
    expect(session.consoleErrors).toEqual([]);

    // The merchant's inbox shows it with its context: the order (verified), the search, what the order said.
    const app = await openInInbox(reference!);
    await app.getByText("My second parcel has not moved. <b>Help</b>").waitFor();
    expect(await app.getByText("#1016").count()).toBeGreaterThan(0);
    expect(await app.getByText("parcel lost").count()).toBe(1);
  });
});

describe("what the merchant learns", () => {
  it("counts the portal's visits and shows a search that found nothing once three visits made it", async () => {
    /** One storefront visit (a page load is a visit) searching for something the FAQ does not answer. */
    async function searchInANewVisit() {
      await browseAs("Guest");
      const search = portal().getByRole("searchbox", { name: "Search the questions" });
      await search.fill("warranty certificate");
      await expect.poll(() => portal().getByText("No question matches your search.").isVisible()).toBe(true);
      // Leaving the box counts the search; the batch reaches the app a moment later.
      const sent = page().waitForResponse((response) => response.url().endsWith("/apps/resolve/events"));
      await page().keyboard.press("Tab");
      expect((await sent).status()).toBe(202);
    }
    const merchant = await session.openPage();
    async function homeCard() {
      await merchant.goto(demo.adminUrl);
      const home = merchant.frameLocator("iframe#app");
      await home.getByRole("heading", { name: "How the portal is doing" }).waitFor({ timeout: 20_000 });
      return home
        .locator("section, div")
        .filter({ has: home.getByRole("heading", { name: "How the portal is doing" }) })
        .last();
    }

    // Two visits could be one person: what they typed stays off the merchant's screen.
    await searchInANewVisit();
    await searchInANewVisit();
    expect(await (await homeCard()).innerText()).not.toContain("warranty certificate");

    await searchInANewVisit();
    const card = await homeCard();
    await merchant.frameLocator("iframe#app").getByRole("heading", { name: "Searches that found no answer" }).waitFor();
    expect(await card.innerText()).toMatch(/“warranty certificate”: 3/);
    expect(await card.innerText()).toMatch(/\d+\s+portal visits where the shopper did something/);
    // With numbers in it, the Home page is still clean for axe (opened on its own, as the frame's document).
    const frame = merchant.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    const framePage = await merchant.context().newPage();
    await framePage.goto(frame!.url());
    await framePage.getByRole("heading", { name: "Searches that found no answer" }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);
  });
});

describe("the help launcher (app embed)", () => {
  it("opens the portal in a modal dialog on any page, keeps focus inside, and closes with Escape", async () => {
    await browseAs("Guest");
    await page().goto(`${demo.storefrontUrl}?resolve_block=off&launcher=on`);
    const open = page().getByRole("button", { name: "Help", exact: true });
    await tabTo(open);
    await page().keyboard.press("Enter");

    const dialog = page().getByRole("dialog", { name: "How can we help?" });
    await dialog.waitFor();
    // The portal inside works like the block: search included.
    await dialog.getByRole("searchbox", { name: "Search the questions" }).fill("parcel");
    await expect
      .poll(() => dialog.locator("details[data-article]:visible summary").allInnerTexts())
      .toEqual(["How long does delivery take?"]);
    // Tabbing never leaves the dialog: the page behind it is inert.
    for (let step = 0; step < 25; step++) {
      await page().keyboard.press("Tab");
      const inside = await page().evaluate(() => Boolean(document.activeElement?.closest("dialog")));
      const onPage = await page().evaluate(() => document.activeElement !== document.body);
      if (onPage) expect(inside).toBe(true);
    }
    expect(await blockingA11yViolations(page(), { include: "dialog" })).toEqual([]);

    await page().keyboard.press("Escape");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await open.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(session.consoleErrors).toEqual([]);
  });

  it("stays out of the way on the page that already shows the portal block", async () => {
    await browseAs("Guest");
    await page().goto(`${demo.storefrontUrl}?launcher=on`);
    await page().locator("resolve-portal[data-ready]").first().waitFor();
    expect(await page().getByRole("button", { name: "Help", exact: true }).count()).toBe(0);
  });
});

describe("the same flows in French", () => {
  it("tracks a signed-in shopper's order out for delivery", async () => {
    await browseAs("Sophie Martin", "fr");
    expect(await page().locator("html").getAttribute("lang")).toBe("fr");
    await portal().getByRole("button", { name: fr.tracking.show_orders }).click();
    await portal()
      .getByRole("button", { name: new RegExp(fill(fr.order.name, { name: "#1008" })) })
      .click();
    const detail = portal().locator(".resolve-portal__order");
    await detail.getByRole("heading", { name: fill(fr.order.name, { name: "#1008" }) }).waitFor();
    expect(await detail.locator(".resolve-portal__stage").innerText()).toBe(fr.stage.out_for_delivery);
    expect(await detail.getByText(fill(fr.order.carrier, { carrier: "Canada Post" })).count()).toBe(1);
    expect(await blockingA11yViolations(page(), { include: "resolve-portal" })).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });

  it("lets a guest follow an order not shipped yet, and asks them to sign in to return it", async () => {
    await browseAs("Guest", "fr");
    await portal().getByRole("textbox", { name: fr.tracking.order_number, exact: true }).fill("1034");
    await portal()
      .locator("form[data-r=lookup]")
      .getByRole("textbox", { name: fr.tracking.email })
      .fill("lea.moreau@example.fr");
    await page().keyboard.press("Enter");
    const detail = portal().locator(".resolve-portal__order");
    await detail.getByRole("heading", { name: fill(fr.order.name, { name: "#1034" }) }).waitFor();
    expect(await detail.getByRole("heading", { name: fr.order.not_shipped }).count()).toBe(1);
    const signIn = detail.getByRole("link", { name: fr.order.sign_in_to_return });
    expect(await signIn.getAttribute("href")).toBe("/fr/account/login?return_url=%2Ffr%2Fpages%2Fhelp");
    expect(session.consoleErrors).toEqual([]);
  });

  it("returns one of two units, and explains a final sale", async () => {
    await browseAs("Isabella Rossi", "fr");
    await portal().getByRole("button", { name: fr.tracking.show_orders }).click();
    await portal()
      .getByRole("button", { name: new RegExp(fill(fr.order.name, { name: "#1022" })) })
      .click();
    await portal().getByRole("button", { name: fr.order.start_return }).click();
    const finalSale = portal().locator(".resolve-portal__line.is-ineligible").filter({ hasText: "Gold Hoop Earrings" });
    await expect.poll(() => finalSale.innerText()).toContain(fr.messages.reason_final_sale);

    await browseAs("Camille Dubois", "fr");
    await portal().getByRole("button", { name: fr.tracking.show_orders }).click();
    await portal()
      .getByRole("button", { name: new RegExp(fill(fr.order.name, { name: "#1006" })) })
      .click();
    await portal().getByRole("button", { name: fr.order.start_return }).click();
    const form = portal().locator(".resolve-portal__return");
    await form.getByRole("checkbox", { name: "Classic Organic Tee – S" }).check();
    await form
      .getByRole("combobox", { name: fill(fr.messages.quantity_of, { title: "Classic Organic Tee – S" }) })
      .selectOption("1");
    await form
      .getByRole("combobox", { name: fr.returns.reason })
      .selectOption({ label: fr.messages.return_reason_size_too_small });
    await form.getByRole("radio", { name: fr.returns.resolution_store_credit }).check();
    await form.getByRole("button", { name: fr.returns.submit }).click();
    const done = portal().locator("div.resolve-portal__success");
    await done.waitFor({ timeout: 20_000 });
    expect(await done.innerText()).toContain(fill(fr.returns.requested, { name: "#1006" }));
    const returns = (await (
      await fetch(`${demo.emulatorUrl}/_emulator/returns?order=${encodeURIComponent("#1006")}`)
    ).json()) as { status: string; lineItems: { quantity: number }[] }[];
    expect(returns.map((entry) => [entry.status, entry.lineItems.map((line) => line.quantity)])).toEqual([
      ["REQUESTED", [1]],
    ]);
    expect(session.consoleErrors).toEqual([]);
  });

  it("finds the French article despite a typo, and sends a message the merchant sees", async () => {
    await browseAs("Camille Dubois", "fr");
    await portal().getByRole("searchbox", { name: fr.faq.search_label }).fill("livraisno");
    await expect
      .poll(() => portal().locator("details[data-article]:visible summary").allInnerTexts())
      .toEqual(["Combien de temps prend la livraison ?"]);

    const form = portal().locator("form[data-r=contact]");
    await form.getByRole("textbox", { name: fr.contact.message }).fill("Mon colis n’est pas arrivé.");
    await form.getByRole("button", { name: fr.contact.send }).click();
    const sent = portal().locator("[data-r=contact-done]");
    await sent.waitFor({ timeout: 20_000 });
    const reference = /R-[0-9A-Z]{6}/.exec(await sent.innerText())?.[0];
    expect(await sent.innerText()).toBe(
      fill(fr.messages.contact_sent, { reference: reference!, email: "camille.dubois@example.fr" }),
    );

    const app = await openInInbox(reference!);
    await app.getByText("Mon colis n’est pas arrivé.").waitFor();
    expect(await app.getByText("livraisno").count()).toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });
});
