import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";

const demo = inject("demo");
const session = useBrowserSession();

const app = () => session.app();
const blockItem = () => app().locator("[data-checklist-item='block']");
const progressCount = async () =>
  Number(
    /^(\d+) of 4 steps done$/.exec(
      (await app()
        .getByText(/ of 4 steps done$/)
        .innerText()) ?? "",
    )?.[1],
  );

/** The merchant adds the portal block to the help page in the theme editor: Shopify saves the template. */
function addPortalBlockToTheme() {
  const template = {
    sections: {
      main: { type: "main-page", settings: {} },
      apps: {
        type: "apps",
        blocks: {
          resolve_portal: {
            type: "shopify://apps/resolve/blocks/portal/0199a4f2-7c1e-7d2a-9b1f-3c5d7e9f1a2b",
            settings: { show_faq: true },
          },
        },
        block_order: ["resolve_portal"],
        settings: {},
      },
    },
    order: ["main", "apps"],
  };
  return fetch(`${demo.emulatorUrl}/_emulator/theme-file`, {
    method: "PUT",
    body: JSON.stringify({ filename: "templates/session.page.help.json", content: JSON.stringify(template) }),
  });
}

async function openHome() {
  await session.page.goto(demo.adminUrl);
  await app().getByRole("heading", { name: "Set up your help center" }).waitFor({ timeout: 20_000 });
}

describe("the home page's setup checklist", () => {
  it("ticks 'Add the portal to your live theme' once the block is in the published theme", async () => {
    await openHome();
    expect(await blockItem().innerText()).toContain("To do");
    expect(await blockItem().innerText()).toContain("Shoppers see the portal once its block is on a page");
    // The fix is one click away: the theme editor, ready to add the block, outside the app's frame.
    const addToTheme = blockItem().getByRole("link", { name: /Add to theme/ });
    const href = new URL((await addToTheme.getAttribute("href"))!);
    expect(href.origin + href.pathname).toBe("https://admin.shopify.com/store/resolve-demo/themes/current/editor");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      template: "page",
      addAppBlockId: "resolve-demo-api-key/portal",
      target: "newAppsSection",
    });
    expect(await addToTheme.getAttribute("target")).toBe("_top");
    const doneBefore = await progressCount();

    expect((await addPortalBlockToTheme()).ok).toBe(true);
    await session.page.reload();
    await app().getByRole("heading", { name: "Set up your help center" }).waitFor({ timeout: 20_000 });

    await expect.poll(() => blockItem().innerText()).toContain("Done");
    expect(await blockItem().innerText()).toContain("The portal is live in Dawn (templates/session.page.help.json).");
    expect(await progressCount()).toBe(doneBefore + 1);
    expect(session.consoleErrors).toEqual([]);
  });

  it("links each unfinished step to where the merchant fixes it, and shows no invented numbers", async () => {
    await openHome();
    const links = await app()
      .locator("[data-checklist-item] a")
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
    for (const href of links) expect(href).toMatch(/^(\/app\/(policy|faq|branding)|https:\/\/admin\.shopify\.com\/)/);
    // Before any shopper used the portal the card says so; once they have (earlier browser tests visit the
    // storefront), it shows what was counted for the period. Never a made-up figure.
    const empty = await app().getByText("Your numbers appear once shoppers use the portal").count();
    const counted = await app()
      .getByText(/^Last 60 days, from shoppers' visits/)
      .count();
    expect(empty + counted).toBe(1);
    expect(await app().getByRole("heading", { name: "Storefront content" }).count()).toBe(1);
  });

  it("has no serious or critical accessibility violation (axe, WCAG 2.1 AA)", async () => {
    await openHome();
    const frame = session.page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    expect(frame).toBeDefined();
    const framePage = await session.context.newPage();
    await framePage.goto(frame!.url());
    await framePage.getByRole("heading", { name: "Set up your help center" }).waitFor();
    expect(await blockingA11yViolations(framePage)).toEqual([]);
  });
});
