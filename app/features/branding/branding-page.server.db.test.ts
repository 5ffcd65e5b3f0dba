import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { recordAdminOperations, startEmulatorHarness } from "../../../test/emulator-harness";

/**
 * The branding page's use cases against the real Shopify library and the local emulator's Admin API: the shop
 * and languages the page previews for, and saving then publishing what the merchant set.
 */

// The emulator must listen, and the library's fetch be routed to it, before the Shopify library is imported.
const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../../db.server");
const { unauthenticated } = await import("../../shopify.server");
const { DEFAULT_BRANDING, getBranding } = await import("./Branding.server");
const { loadBrandingShop, saveBrandingPage } = await import("./branding-page.server");

const SHOP = emulator.shop;
const api = emulator.adminApi;

/** Operation names the Admin API received, in order. */
const operations = recordAdminOperations(api);

const admin = async () => (await unauthenticated.admin(SHOP)).admin;

/** The fields the branding page posts, every one valid unless overridden. */
const fields = (overrides: Record<string, string> = {}) => ({
  accentColor: "#aa0055",
  textOnAccentColor: "#ffffff",
  radius: "4",
  density: "compact",
  "modules.faq": "on",
  "texts.en.heading": "Help centre",
  "texts.en.intro": "",
  "texts.fr.heading": "Centre d’aide",
  "texts.fr.intro": "",
  ...overrides,
});

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  api.reset();
  api.clearFaults();
  operations.length = 0;
  await prisma.branding.deleteMany({ where: { shop: SHOP } });
  await prisma.publishState.deleteMany({ where: { shop: SHOP } });
});

describe("the branding page's shop", () => {
  it("previews for the shop's name, email, currency and languages, the default language first", async () => {
    const details = await loadBrandingShop(await admin(), SHOP, DEFAULT_BRANDING);
    expect(details.shopifyUnavailable).toBe(false);
    expect(details.shop.domain).toBe(SHOP);
    expect(details.shop.currency).toBe("USD");
    expect(details.locales[0]).toMatchObject({ locale: "en", primary: true });
    expect(details.locales.map((locale) => locale.locale)).toEqual(["en", "fr", "de", "es"]);
  });

  it("keeps every language the merchant wrote texts for while Shopify does not answer", async () => {
    api.injectFault({ kind: "throttled", times: 30 });
    const stored = { ...DEFAULT_BRANDING, texts: { fr: { heading: "Centre d’aide", intro: "" } } };
    const details = await loadBrandingShop(await admin(), SHOP, stored);
    expect(details.shopifyUnavailable).toBe(true);
    expect(details.locales.map((locale) => locale.locale)).toEqual(["en", "fr"]);
  });
});

describe("saving from the branding page", () => {
  it("saves the fields, then publishes the branding shoppers see", async () => {
    const result = await saveBrandingPage(await admin(), SHOP, fields());
    expect(result).toMatchObject({ ok: true, publish: { ok: true } });
    const { document } = await getBranding(SHOP);
    expect(document).toMatchObject({ accentColor: "#aa0055", radius: 4, density: "compact" });
    expect(document.modules).toEqual({ tracking: false, returns: false, faq: true, contact: false });
    expect(document.texts.fr).toEqual({ heading: "Centre d’aide", intro: "" });
    expect(operations).toContain("StorefrontSnapshotSet");
  });

  it("refuses an invalid colour with a field error: nothing saved, nothing published", async () => {
    const result = await saveBrandingPage(await admin(), SHOP, fields({ accentColor: "red;}" }));
    expect(result).toEqual({ ok: false, fieldErrors: { accentColor: "hexColor" } });
    expect(await prisma.branding.count({ where: { shop: SHOP } })).toBe(0);
    expect(operations).not.toContain("StorefrontSnapshotSet");
  });
});
