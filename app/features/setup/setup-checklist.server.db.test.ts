import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { startEmulatorHarness } from "../../../test/emulator-harness";

/** The home checklist against the emulator's live theme (real library, Admin API validated against 2026-10). */
const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../../db.server");
const { unauthenticated } = await import("../../shopify.server");
const { DEFAULT_BRANDING, saveBranding } = await import("../branding/Branding.server");
const { getSetupChecklist, themeEditorDeepLink } = await import("./setup-checklist.server");
const { detectThemeBlock } = await import("./detect-theme-block.server");

const SHOP = emulator.shop;
const api = emulator.adminApi;
const admin = async () => (await unauthenticated.admin(SHOP)).admin;
const PORTAL_TYPE = "shopify://apps/resolve/blocks/portal/0199a4f2-7c1e-7d2a-9b1f-3c5d7e9f1a2b";

function helpTemplateWith(block: { type: string; disabled?: boolean }) {
  return JSON.stringify({
    sections: {
      main: { type: "main-page", settings: {} },
      apps: { type: "apps", blocks: { resolve_portal: { ...block, settings: {} } }, block_order: ["resolve_portal"] },
    },
    order: ["main", "apps"],
  });
}

const states = (checklist: Awaited<ReturnType<typeof getSetupChecklist>>) =>
  Object.fromEntries(checklist.items.map((item) => [item.id, item.done]));

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  api.reset();
  api.clearFaults();
  await prisma.faqArticle.deleteMany({ where: { shop: SHOP } });
  await prisma.branding.deleteMany({ where: { shop: SHOP } });
  await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
});

describe("the setup checklist", () => {
  it("starts with nothing done on a fresh install, the block missing from the seeded Dawn theme", async () => {
    const checklist = await getSetupChecklist(await admin(), SHOP);
    expect(states(checklist)).toEqual({ policy: false, faq: false, branding: false, block: false });
    expect(checklist.doneCount).toBe(0);
    expect(checklist.total).toBe(4);
    expect(checklist.theme).toEqual({ state: "missing", themeName: "Dawn", filename: null });
  });

  it("ticks each item as the merchant really does it", async () => {
    await prisma.returnPolicy.create({ data: { shop: SHOP, document: "{}", reviewedAt: null } });
    await prisma.faqArticle.create({ data: { shop: SHOP, handle: "draft", status: "draft" } });
    expect(states(await getSetupChecklist(await admin(), SHOP))).toMatchObject({ policy: false, faq: false });

    await prisma.returnPolicy.update({ where: { shop: SHOP }, data: { reviewedAt: new Date() } });
    await prisma.faqArticle.create({ data: { shop: SHOP, handle: "live", status: "published" } });
    await saveBranding(SHOP, DEFAULT_BRANDING);
    api.setThemeFile("MAIN", "templates/page.help.json", helpTemplateWith({ type: PORTAL_TYPE }));

    const checklist = await getSetupChecklist(await admin(), SHOP);
    expect(states(checklist)).toEqual({ policy: true, faq: true, branding: true, block: true });
    expect(checklist.doneCount).toBe(4);
    expect(checklist.theme).toEqual({ state: "active", themeName: "Dawn", filename: "templates/page.help.json" });
  });

  it("does not count a disabled block, or one in an unpublished theme", async () => {
    api.setThemeFile("MAIN", "templates/page.help.json", helpTemplateWith({ type: PORTAL_TYPE, disabled: true }));
    expect((await detectThemeBlock(await admin())).state).toBe("disabled");

    api.reset();
    const draft = api.state.themes.find((theme) => theme.role === "UNPUBLISHED")!;
    draft.files.find((file) => file.filename === "templates/page.help.json")!.content = helpTemplateWith({
      type: PORTAL_TYPE,
    });
    expect((await detectThemeBlock(await admin())).state).toBe("missing");
  });

  it("says it cannot tell, rather than 'not done', when Shopify is unavailable", async () => {
    await saveBranding(SHOP, DEFAULT_BRANDING);
    api.injectFault({ kind: "throttled", times: 10 });
    const checklist = await getSetupChecklist(await admin(), SHOP);
    expect(states(checklist)).toEqual({ policy: false, faq: false, branding: true, block: null });
    expect(checklist.theme.state).toBe("unknown");
  });

  it("links the block item to the theme editor, ready to add the portal to a page", () => {
    expect(themeEditorDeepLink("maple-and-pine.myshopify.com", "abc123")).toBe(
      "https://admin.shopify.com/store/maple-and-pine/themes/current/editor?template=page&addAppBlockId=abc123%2Fportal&target=newAppsSection",
    );
  });
});
