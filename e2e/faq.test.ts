import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";

const demo = inject("demo");
const session = useBrowserSession();

const app = () => session.app();
const adminTitle = () => session.page.locator("#title");

/** Opens the admin and goes to the FAQ through the app's menu in the admin's navigation, as a merchant does. */
async function openFaq() {
  await session.page.goto(demo.adminUrl);
  const faqLink = session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "FAQ" });
  await faqLink.waitFor({ timeout: 20_000 });
  await faqLink.click();
  await app().getByRole("heading", { name: "FAQ", level: 1 }).waitFor({ timeout: 20_000 });
}

const CSV_HEADER = "handle,locale,category,status,position,question,answer_markdown,keywords";

describe("the FAQ in the admin", () => {
  it("creates an article, publishes it, and lists it as published", async () => {
    await openFaq();
    // The admin's title bar carries the page title (App Bridge); the app's frame keeps it as its h1 for screen readers.
    await expect.poll(() => adminTitle().innerText()).toBe("FAQ");
    await app().getByRole("link", { name: "Add article" }).first().click();
    await app().getByRole("heading", { name: "New article", level: 1 }).waitFor();
    await expect.poll(() => adminTitle().innerText()).toBe("New article");

    await app().getByLabel("Question").fill("Do you offer gift wrapping?");
    await app()
      .getByLabel("Answer", { exact: true })
      .fill("Yes, for **$5**. Choose it at checkout.\n\n<script>window.pwned = 1</script>");
    await app().getByLabel("Search keywords and synonyms").fill("present wrap");
    // Unsaved changes raise the admin's save bar (App Bridge).
    await expect.poll(() => session.page.locator("#save-bar").isVisible()).toBe(true);
    // The preview is the sanitized HTML shoppers get: formatting kept, the script gone.
    const preview = app().locator(".resolve-markdown-preview");
    await expect.poll(() => preview.innerHTML(), { timeout: 10_000 }).toContain("<strong>$5</strong>");
    expect(await preview.innerHTML()).not.toContain("script");
    expect(
      await app()
        .locator("body")
        .evaluate(() => (window as { pwned?: number }).pwned),
    ).toBeUndefined();

    await app().getByLabel("Status").selectOption("published");
    await app().getByRole("button", { name: "Save", exact: true }).click();
    await expect
      .poll(() => session.page.locator("#toasts").innerText(), { timeout: 10_000 })
      .toContain("Article saved");
    // Saved: the page now edits the article, and the save bar is gone.
    await app().getByRole("heading", { name: "Do you offer gift wrapping?", level: 1 }).waitFor();
    await expect.poll(() => adminTitle().innerText()).toBe("Do you offer gift wrapping?");
    await expect.poll(() => session.page.locator("#save-bar").isVisible()).toBe(false);

    await app().getByRole("link", { name: "FAQ" }).first().click();
    const row = app().getByRole("row").filter({ hasText: "Do you offer gift wrapping?" });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain("Published");
    // The demo shop also sells in French, German and Spanish: the list says what is left to translate.
    expect(await row.innerText()).toMatch(/Missing: French, German, Spanish/);
    expect(session.consoleErrors).toEqual([]);

    // Shoppers see it on the storefront, rendered by the block's Liquid from the published snapshot,
    // with the answer's formatting and without the script.
    const storefront = await session.context.newPage();
    await storefront.goto(demo.storefrontUrl);
    const question = storefront.getByText("Do you offer gift wrapping?");
    await question.waitFor();
    await question.click();
    const answer = storefront.locator("details[open]").filter({ hasText: "Do you offer gift wrapping?" });
    expect(await answer.innerHTML()).toContain("<strong>$5</strong>");
    expect(await answer.innerHTML()).not.toContain("script");
  });

  it("asks before leaving an article with unsaved changes: Stay keeps the edit, Leave page drops it", async () => {
    await openFaq();
    await app().getByRole("link", { name: "Add article" }).first().click();
    await app().getByRole("heading", { name: "New article", level: 1 }).waitFor();
    await app().getByLabel("Question").fill("Can I change my delivery address?");
    await app().getByLabel("Answer", { exact: true }).fill("Yes, until the order ships.");
    await app().getByRole("button", { name: "Save", exact: true }).click();
    // Moving to the saved article's own page is the app's own doing: nothing to confirm.
    await app().getByRole("heading", { name: "Can I change my delivery address?", level: 1 }).waitFor();

    const question = app().getByLabel("Question");
    await question.fill("Can I change where my order goes?");
    await expect.poll(() => session.page.locator("#save-bar").isVisible()).toBe(true);
    const dialog = session.page.getByRole("dialog", { name: "Leave page with unsaved changes?" });

    // A link inside the app waits for the merchant's answer; staying keeps the edit.
    await app().getByRole("link", { name: "Manage categories" }).click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Stay" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await app().getByRole("heading", { name: "FAQ categories" }).count()).toBe(0);
    expect(await question.inputValue()).toBe("Can I change where my order goes?");
    expect(await session.page.locator("#save-bar").isVisible()).toBe(true);

    // The admin's own menu asks as well; leaving goes there and drops the edit.
    await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "FAQ" }).click();
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Leave page" }).click();
    await app().getByRole("heading", { name: "FAQ", level: 1 }).waitFor({ timeout: 10_000 });
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => session.page.locator("#save-bar").isVisible()).toBe(false);
    const row = app().getByRole("row").filter({ hasText: "Can I change my delivery address?" });
    await row.getByRole("link").click();
    await app().getByRole("heading", { name: "Can I change my delivery address?", level: 1 }).waitFor();
    expect(await app().getByLabel("Question").inputValue()).toBe("Can I change my delivery address?");
    expect(session.consoleErrors).toEqual([]);
  });

  it("imports nothing from a CSV file with a bad row, and says which row and column to fix", async () => {
    await openFaq();
    await app().getByRole("link", { name: "Import and export" }).first().click();
    await app().getByRole("heading", { name: "Import from a CSV file" }).waitFor();
    const csv = [
      CSV_HEADER,
      "store-pickup,en,Shipping,published,,Can I pick up my order?,Yes: from our Lyon store.,pickup collect",
      "price-match,en,,sometimes,,Do you match prices?,No.,",
    ].join("\n");
    await app()
      .locator('input[type="file"]')
      .setInputFiles({ name: "faq.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await app().getByText("Selected: faq.csv").waitFor();
    await app().getByRole("button", { name: "Import", exact: true }).click();

    await app().getByText("Nothing was imported").waitFor({ timeout: 10_000 });
    const problem = app().getByRole("row").filter({ hasText: "Use “draft” or “published”." });
    expect((await problem.innerText()).replace(/\s+/g, " ")).toMatch(/^3 status Use/);

    await app().getByRole("link", { name: "FAQ" }).first().click();
    await app().getByRole("heading", { name: "FAQ", level: 1 }).waitFor();
    await app().getByPlaceholder("Search questions and keywords").fill("pick up");
    await app().getByText("No articles match").waitFor({ timeout: 10_000 });
    expect(session.consoleErrors).toEqual([]);
  });

  it("imports a valid file in every language, and exports the same rows back as a download", async () => {
    await openFaq();
    await app().getByRole("link", { name: "Import and export" }).first().click();
    await app().getByRole("heading", { name: "Import from a CSV file" }).waitFor();
    const rows = [
      'gift-cards,en,Payments,published,40,Do you sell gift cards?,"Yes, from $10.",voucher present',
      'gift-cards,fr,Paiements,published,40,Vendez-vous des cartes cadeaux ?,"Oui, dès 10 $.",bon cadeau',
    ];
    await app()
      .locator('input[type="file"]')
      .setInputFiles({ name: "faq.csv", mimeType: "text/csv", buffer: Buffer.from([CSV_HEADER, ...rows].join("\n")) });
    await app().getByRole("button", { name: "Import", exact: true }).click();
    await app().getByText("Import complete").waitFor({ timeout: 10_000 });
    expect(await app().getByText("Articles added: 1. Articles updated: 0. Translations written: 2.").count()).toBe(1);

    const download = session.page.waitForEvent("download");
    await app().getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^faq-resolve-demo-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = (await (await file.createReadStream()).toArray()).join("");
    expect(exported.startsWith("\uFEFF" + CSV_HEADER)).toBe(true);
    for (const row of rows) expect(exported).toContain(row);
    expect(session.consoleErrors).toEqual([]);
  });

  it("has no serious or critical accessibility violation on the list, article, import and category pages (axe)", async () => {
    await session.page.goto(demo.adminUrl);
    await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "FAQ" }).waitFor();
    const frame = session.page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    expect(frame).toBeDefined();
    // The frame's launch parameters (shop, host, session token) open any admin page outside the frame.
    const launch = new URL(frame!.url()).search;
    const framePage = await session.context.newPage();

    await framePage.goto(`${demo.appUrl}/app/faq${launch}`);
    await framePage.getByRole("heading", { name: "FAQ", level: 1 }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);

    await framePage.goto(`${demo.appUrl}/app/faq/new${launch}`);
    await framePage.getByRole("heading", { name: "New article" }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);

    await framePage.goto(`${demo.appUrl}/app/faq/import${launch}`);
    await framePage.getByRole("heading", { name: "Import from a CSV file" }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);

    await framePage.goto(`${demo.appUrl}/app/faq/categories${launch}`);
    await framePage.getByRole("heading", { name: "FAQ categories" }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);
  });
});
