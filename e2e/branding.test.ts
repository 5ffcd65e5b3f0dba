import { describe, expect, inject, it } from "vitest";

import { blockingA11yViolations, useBrowserSession } from "./browser-session";
import { leaveAndAnswer, leaveDialog, saveBar } from "./leave-dialog";
import { watchConsoleErrors } from "./page-errors";

const demo = inject("demo");
const session = useBrowserSession({ viewport: { width: 1400, height: 1000 } });

const app = () => session.app();
const storefrontHtml = async () => (await fetch(demo.storefrontUrl)).text();
const publishedPortal = async () => {
  const metafields = (await (await fetch(`${demo.emulatorUrl}/_emulator/metafields`)).json()) as Record<
    string,
    Record<string, { value: string }>
  >;
  const portal = metafields.resolve?.portal;
  return portal ? (JSON.parse(portal.value) as { branding: { accentColor: string } }) : null;
};

/** Opens Resolve in the emulator's admin and goes to Branding through the app's navigation menu. */
async function openBranding() {
  await session.page.goto(demo.adminUrl);
  await app()
    .getByRole("heading", { name: /Welcome to Resolve/ })
    .waitFor({ timeout: 20_000 });
  await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Branding" }).click();
  await app().getByRole("heading", { name: "Colours" }).waitFor({ timeout: 20_000 });
  // The first preview has rendered: the page is hydrated and talking to the app.
  await app().locator("iframe[title^='Storefront preview']").waitFor({ timeout: 20_000 });
}

const accentField = () => app().getByRole("textbox", { name: "Accent colour", exact: true });
const saveBarSave = () =>
  session.page.getByRole("region", { name: "Unsaved changes" }).getByRole("button", { name: "Save" });

describe("branding in the admin", () => {
  it("previews a new accent colour live, then saving publishes it to the storefront block", async () => {
    await openBranding();
    // The admin's title bar is the page title; the frame keeps it as its h1 for screen readers.
    await expect.poll(() => session.page.locator("#title").innerText()).toBe("Branding");
    expect(await app().getByRole("heading", { name: "Branding", level: 1 }).count()).toBe(1);
    const accent = "#aa0055";
    expect(await storefrontHtml()).not.toContain(`--resolve-accent: ${accent};`);

    await accentField().fill(accent);
    // The preview re-renders the block's own Liquid with the unsaved colour.
    const preview = app().locator("iframe[title^='Storefront preview']");
    await expect
      .poll(async () => (await preview.getAttribute("srcdoc")) ?? "", { timeout: 10_000 })
      .toContain(`--resolve-accent: ${accent};`);
    expect(await preview.getAttribute("sandbox")).toBe("");

    await saveBarSave().click();
    await expect
      .poll(() => session.page.getByRole("status").filter({ hasText: "Branding saved" }).count(), { timeout: 20_000 })
      .toBe(1);

    // Published through the emulator's metafieldsSet, and rendered by the storefront's Liquid.
    expect((await publishedPortal())?.branding.accentColor).toBe(accent);
    const storefront = await storefrontHtml();
    expect(storefront).toMatch(
      /<resolve-portal\s+class="resolve-portal[^"]*"[^>]*style="[^"]*--resolve-accent: #aa0055;/,
    );
    await expect
      .poll(() =>
        app()
          .getByText(/^Published /)
          .count(),
      )
      .toBe(1);
    expect(session.consoleErrors).toEqual([]);
  });

  it.each([
    ["#fff;} body { display: none", "display: none"],
    ['url("https://evil.test/x.png")', "evil.test"],
  ])("refuses the colour %j with a field error and saves nothing", async (badColor, marker) => {
    await openBranding();
    const before = await publishedPortal();
    const savedAccent = await accentField().inputValue();

    await accentField().fill(badColor);
    await saveBarSave().click();

    await expect.poll(() => app().getByText("Some settings need your attention").count(), { timeout: 20_000 }).toBe(1);
    expect(await app().getByText("Enter a hex colour such as #1f4d3a").count()).toBeGreaterThan(0);
    expect(await accentField().getAttribute("aria-invalid")).toBe("true");

    // Nothing stored or published: a reload shows the saved colour, the storefront never sees the value.
    expect(await publishedPortal()).toEqual(before);
    expect(await storefrontHtml()).not.toContain(marker);
    await session.page.reload();
    await app()
      .getByRole("heading", { name: /Welcome to Resolve/ })
      .waitFor({ timeout: 20_000 });
    await session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name: "Branding" }).click();
    await expect.poll(() => accentField().inputValue(), { timeout: 20_000 }).toBe(savedAccent);
  });

  it("warns about hard-to-read colours without blocking, and Discard brings back the saved ones", async () => {
    await openBranding();
    const savedAccent = await accentField().inputValue();

    await accentField().fill("#ffcc00");
    await expect
      .poll(
        () =>
          app()
            .getByText(/has a contrast ratio of 1\.51:1; WCAG AA asks for at least 4\.5:1/)
            .count(),
        {
          timeout: 10_000,
        },
      )
      .toBeGreaterThan(0);
    expect(await app().getByText("You can still save these colours.").count()).toBe(1);

    await session.page
      .getByRole("region", { name: "Unsaved changes" })
      .getByRole("button", { name: "Discard" })
      .click();
    await expect.poll(() => accentField().inputValue()).toBe(savedAccent);
    await expect.poll(() => session.page.getByRole("region", { name: "Unsaved changes" }).isVisible()).toBe(false);
  });

  it("asks before the admin's menu leaves unsaved branding: Stay keeps it, Leave page drops it", async () => {
    await openBranding();
    const savedAccent = await accentField().inputValue();
    const menuButton = (name: string) =>
      session.page.getByRole("navigation", { name: "Admin" }).getByRole("button", { name });
    await accentField().fill("#123456");
    await expect.poll(() => saveBar(session.page).isVisible()).toBe(true);

    await leaveAndAnswer(session.page, () => menuButton("Resolve").click(), "Stay");
    expect(await accentField().inputValue()).toBe("#123456");

    await leaveAndAnswer(session.page, () => menuButton("Resolve").click(), "Leave page");
    await app()
      .getByRole("heading", { name: /Welcome to Resolve/ })
      .waitFor({ timeout: 20_000 });
    expect(await leaveDialog(session.page).isVisible()).toBe(false);

    await menuButton("Branding").click();
    await expect.poll(() => accentField().inputValue(), { timeout: 20_000 }).toBe(savedAccent);
    expect(await saveBar(session.page).isVisible()).toBe(false);
  });

  it("has no serious or critical accessibility violation (axe, WCAG 2.1 AA)", async () => {
    await session.page.goto(demo.adminUrl);
    await app()
      .getByRole("heading", { name: /Welcome to Resolve/ })
      .waitFor({ timeout: 20_000 });
    const frame = session.page.frames().find((candidate) => candidate.url().startsWith(demo.appUrl));
    expect(frame).toBeDefined();
    const url = new URL(frame!.url());
    url.pathname = "/app/branding";
    const framePage = await session.context.newPage();
    const frameErrors = watchConsoleErrors(framePage);
    await framePage.goto(url.toString());
    await framePage.getByRole("heading", { name: "Colours" }).waitFor();
    await framePage.locator("iframe[title^='Storefront preview']").waitFor({ timeout: 20_000 });
    // axe cannot run inside the sandboxed preview frame (scripts are off there, by design): it is left out here,
    // and its document is checked on its own below.
    for (const width of ["Mobile", "Desktop"]) {
      await framePage.getByRole("button", { name: width }).click();
      expect(await blockingA11yViolations(framePage, { exclude: "iframe[title^='Storefront preview']" })).toEqual([]);
    }
    expect(frameErrors).toEqual([]);

    // What the preview shows shoppers, as a page of its own.
    const previewDocument = await framePage.locator("iframe[title^='Storefront preview']").getAttribute("srcdoc");
    const previewPage = await session.context.newPage();
    await previewPage.setContent(previewDocument ?? "");
    expect(await blockingA11yViolations(previewPage)).toEqual([]);
  });
});
