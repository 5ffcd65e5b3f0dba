import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { renderInput } from "../../../emulator/storefront/fixtures";
import { renderStorefrontPage } from "../../../emulator/storefront/index";
import { recordAdminOperations, startEmulatorHarness } from "../../../test/emulator-harness";

/**
 * Publishing end to end: the real Shopify library (through `unauthenticated.admin`) calling the local
 * emulator's Admin API, which validates every document against the 2026-10 schema and enforces
 * metafieldsSet's rules, then the emulator's storefront rendering the extension's real Liquid from what was
 * published.
 */

// The emulator must listen, and the library's fetch be routed to it, before the Shopify library is imported.
const { emulator, installShop } = await startEmulatorHarness();

const { default: prisma } = await import("../../db.server");
const { unauthenticated } = await import("../../shopify.server");
const { DEFAULT_BRANDING, saveBranding } = await import("../branding/Branding.server");
const { getPublishStatus, publishStorefrontSnapshot } = await import("./publish-storefront-snapshot.server");

const SHOP = emulator.shop;
const api = emulator.adminApi;

/** Operation names the Admin API received, in order. */
const operations = recordAdminOperations(api);

const admin = async () => (await unauthenticated.admin(SHOP)).admin;
const live = () => api.appDataMetafields().resolve ?? {};
const liveJson = (key: string) => JSON.parse(live()[key]!.value) as Record<string, unknown>;

async function publishedFaq(handleName: string, translations: Record<string, { question: string; answer: string }>) {
  await prisma.faqArticle.create({
    data: {
      shop: SHOP,
      handle: handleName,
      status: "published",
      translations: {
        create: Object.entries(translations).map(([locale, t]) => ({
          shop: SHOP,
          locale,
          question: t.question,
          answerMarkdown: t.answer,
          answerHtml: `<p>${t.answer}</p>`,
        })),
      },
    },
  });
}

async function storefront(locale = "en") {
  return renderStorefrontPage(
    renderInput({
      locale,
      availableLocales: ["en", "fr", "de", "es"],
      appMetafields: api.appDataMetafields(),
      shop: { name: "Resolve Demo Store", domain: SHOP, currency: "USD", email: "support@resolve-demo.example.com" },
    }),
  );
}

beforeAll(() => installShop(prisma));

beforeEach(async () => {
  api.reset();
  api.clearFaults();
  operations.length = 0;
  await prisma.faqArticle.deleteMany({ where: { shop: SHOP } });
  await prisma.faqCategory.deleteMany({ where: { shop: SHOP } });
  await prisma.branding.deleteMany({ where: { shop: SHOP } });
  await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
  await prisma.publishState.deleteMany({ where: { shop: SHOP } });
});

describe("publishing the storefront snapshot", () => {
  it("sends settings and one content value per shop language in one metafieldsSet call", async () => {
    await saveBranding(SHOP, { ...DEFAULT_BRANDING, accentColor: "#aa0055" });
    await publishedFaq("shipping", {
      en: { question: "How long is shipping?", answer: "Two days." },
      fr: { question: "Délai de livraison ?", answer: "Deux jours." },
    });

    const result = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(result).toEqual({ ok: true, publishedAt: expect.any(String) });
    expect(operations.filter((name) => name === "StorefrontSnapshotSet")).toHaveLength(1);
    // The emulator's shop publishes en (primary), fr, de and es.
    expect(Object.keys(live()).sort()).toEqual(["content_de", "content_en", "content_es", "content_fr", "portal"]);
    expect(liveJson("portal")).toMatchObject({ version: 2, defaultLocale: "en", branding: { accentColor: "#aa0055" } });

    const state = await prisma.publishState.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(state).toMatchObject({ status: "published", error: null, snapshotHash: liveJson("portal").hash });
    expect(await getPublishStatus(SHOP)).toEqual({
      status: "published",
      publishedAt: (result as { publishedAt: string }).publishedAt,
      error: null,
    });

    // What shoppers get: the block renders the published values.
    const english = await storefront("en");
    expect(english).toContain("--resolve-accent: #aa0055;");
    expect(english).toContain("How long is shipping?");
    expect(await storefront("fr")).toContain("Délai de livraison ?");
  });

  it("sends nothing when the storefront already shows exactly this snapshot", async () => {
    const first = await publishStorefrontSnapshot(await admin(), SHOP);
    operations.length = 0;

    const second = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(second).toEqual({ ok: true, publishedAt: (first as { publishedAt: string }).publishedAt, unchanged: true });
    expect(operations).not.toContain("StorefrontSnapshotSet");
  });

  it("publishes again when the live values are gone, even if the database thinks they are there", async () => {
    await publishStorefrontSnapshot(await admin(), SHOP);
    // As after an uninstall and reinstall: Shopify deleted the app's metafields.
    api.reset();
    operations.length = 0;

    const result = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(result).toMatchObject({ ok: true });
    expect(result).not.toHaveProperty("unchanged");
    expect(operations).toContain("StorefrontSnapshotSet");
    expect(live().portal).toBeDefined();
  });

  it("fails as a whole, naming each language and its size, when content is over 128 KB", async () => {
    await publishStorefrontSnapshot(await admin(), SHOP);
    const before = api.appDataMetafields();
    operations.length = 0;

    const long = "A long answer that keeps going. ".repeat(600);
    for (let index = 0; index < 8; index++) {
      await publishedFaq(`long-${index}`, {
        en: { question: `Question ${index}`, answer: long },
        fr: { question: `Question ${index} fr`, answer: "Court." },
      });
    }
    const result = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(result.ok).toBe(false);
    const { error } = result as { error: string };
    // German and Spanish have no translation of these answers, so they carry the English ones and are too large too.
    expect(error).toMatch(
      /^Nothing was published: the help content in English \(1[3-9]\d\.\d KB\), German \(1[3-9]\d\.\d KB\),? and Spanish \(1[3-9]\d\.\d KB\) is over Shopify's limit of 128 KB per language\./,
    );
    expect(error).not.toContain("French");
    expect(error).toContain("Shoppers still see the previous version.");
    // Not a single value was sent: French, which fits, did not go out alone either.
    expect(operations).not.toContain("StorefrontSnapshotSet");
    expect(api.appDataMetafields()).toEqual(before);
    const state = await prisma.publishState.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(state).toMatchObject({ status: "failed", error });
    expect(state.snapshotHash).toBe(JSON.parse(before.resolve!.portal!.value).hash);
  });

  it("deletes the content of a language the shop no longer publishes", async () => {
    await publishStorefrontSnapshot(await admin(), SHOP);
    expect(live().content_de).toBeDefined();

    api.state.shopLocales.find((locale) => locale.locale === "de")!.published = false;
    const result = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(result.ok).toBe(true);
    expect(live().content_de).toBeUndefined();
    expect(live().content_fr).toBeDefined();
    expect(liveJson("portal").locales).toEqual(["en", "fr", "es"]);
  });

  it("reports Shopify's userErrors in the merchant's words and stores none of the values", async () => {
    // A value of another type under the same key (say, written by an older version): Shopify refuses to change
    // a metafield's type in place, so the whole call fails.
    api.state.appMetafields.push({
      id: 990001,
      namespace: "resolve",
      key: "content_fr",
      type: "single_line_text_field",
      value: "old",
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });

    const result = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(result.ok).toBe(false);
    expect((result as { error: string }).error).toMatch(
      /^Shopify did not accept the storefront update \(content_fr: Type can't be changed.*\)\. Your changes are saved/,
    );
    expect(live().portal).toBeUndefined();
    expect(live().content_en).toBeUndefined();
    expect((await getPublishStatus(SHOP)).status).toBe("failed");
  });

  it("turns Shopify staying unavailable into a result, not an exception", async () => {
    api.injectFault({ kind: "throttled", times: 10 });

    const result = await publishStorefrontSnapshot(await admin(), SHOP);

    expect(result).toEqual({
      ok: false,
      error:
        "Shopify is not answering right now, so the storefront was not updated. Your changes are saved; publish again in a minute.",
    });
    expect(await getPublishStatus(SHOP)).toMatchObject({ status: "failed", publishedAt: null });

    api.clearFaults();
    expect((await publishStorefrontSnapshot(await admin(), SHOP)).ok).toBe(true);
    expect(await getPublishStatus(SHOP)).toMatchObject({ status: "published", error: null });
  });
});
