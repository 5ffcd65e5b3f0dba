import { readFileSync } from "node:fs";
import path from "node:path";

import { beforeEach, describe, expect, it } from "vitest";

import { renderInput } from "../../../emulator/storefront/fixtures";
import { renderStorefrontPage } from "../../../emulator/storefront/index";
import prisma from "../../db.server";
import { selfServiceExtensionRoot } from "../../platform/shopify-liquid/index";
import { DEFAULT_BRANDING, saveBranding } from "./Branding.server";
import { buildStorefrontSnapshot } from "../publishing/build-storefront-snapshot.server";
import { portalDefaultTexts, renderBrandingPreview, renderSnapshotPreview } from "./render-snapshot-preview.server";

const SHOP = "preview.myshopify.com";
const SHOP_INFO = { name: "Maple & Pine", domain: SHOP, email: "help@maple-and-pine.example", currency: "EUR" };
const LOCALES = [
  { locale: "en", name: "English", primary: true },
  { locale: "fr", name: "French", primary: false },
];

/** The portal block's markup, with the block id (which differs by placement) made neutral. */
function portalMarkup(html: string, blockId: string): string {
  const start = html.indexOf('<section\n  class="resolve-portal');
  const end = html.lastIndexOf("</section>") + "</section>".length;
  expect(start, "the portal block is in the page").toBeGreaterThan(-1);
  return html.slice(start, end).replaceAll(blockId, "BLOCK");
}

const baseForm = {
  accentColor: "#aa0055",
  textOnAccentColor: "#ffffff",
  radius: "4",
  density: "compact",
  "modules.tracking": "on",
  "modules.returns": "on",
  "modules.faq": "on",
  "modules.contact": "on",
  "contact.email": "on",
  "texts.en.heading": "",
  "texts.en.intro": "",
  "texts.fr.heading": "Centre d’aide",
  "texts.fr.intro": "",
};

beforeEach(async () => {
  await prisma.faqArticle.deleteMany({ where: { shop: SHOP } });
  await prisma.faqCategory.deleteMany({ where: { shop: SHOP } });
  await prisma.returnPolicy.deleteMany({ where: { shop: SHOP } });
  await prisma.branding.deleteMany({ where: { shop: SHOP } });
  const category = await prisma.faqCategory.create({
    data: { shop: SHOP, titles: JSON.stringify({ en: "Delivery", fr: "Livraison" }) },
  });
  await prisma.faqArticle.create({
    data: {
      shop: SHOP,
      handle: "delivery-time",
      status: "published",
      categoryId: category.id,
      translations: {
        create: [
          {
            shop: SHOP,
            locale: "en",
            question: "When will it arrive?",
            answerMarkdown: "",
            answerHtml: "<p>2 days.</p>",
          },
          {
            shop: SHOP,
            locale: "fr",
            question: "Quand arrive-t-il ?",
            answerMarkdown: "",
            answerHtml: "<p>2 jours.</p>",
          },
        ],
      },
    },
  });
  await prisma.returnPolicy.create({
    data: {
      shop: SHOP,
      document: JSON.stringify({ windowDays: 30, policyText: { en: "Return within **30 days**." } }),
      reviewedAt: new Date(),
    },
  });
});

describe("the admin's storefront preview", () => {
  it("renders exactly the markup the storefront renders for the same snapshot: one source, not a copy", async () => {
    const snapshot = await buildStorefrontSnapshot(SHOP, LOCALES);
    for (const locale of ["en", "fr"]) {
      const preview = await renderSnapshotPreview({ snapshot, locale, shop: SHOP_INFO });
      const storefront = await renderStorefrontPage(
        renderInput({
          locale,
          availableLocales: ["en", "fr"],
          path: locale === "en" ? "/pages/help" : `/${locale}/pages/help`,
          shop: { name: SHOP_INFO.name, domain: SHOP, currency: "EUR", email: SHOP_INFO.email },
          appMetafields: {
            resolve: Object.fromEntries(snapshot.values.map((v) => [v.key, { type: "json", value: v.value }])),
          },
        }),
      );
      expect(portalMarkup(preview, "resolve-preview")).toBe(
        portalMarkup(storefront, "AUmVzb2x2ZUVtdWxhdG9y__resolve_portal"),
      );
    }
  });

  it("is a complete document for a sandboxed frame, with the block's own stylesheet inlined", async () => {
    const snapshot = await buildStorefrontSnapshot(SHOP, LOCALES);
    const html = await renderSnapshotPreview({ snapshot, locale: "fr", shop: SHOP_INFO });
    const css = readFileSync(path.join(selfServiceExtensionRoot(), "assets", "portal.css"), "utf8");
    expect(html).toMatch(/^<!doctype html>\s*<html lang="fr" dir="ltr">/);
    expect(html).toContain(`<style>${css}</style>`);
    // Nothing runs or loads: the only <script> is the block's inert JSON of translated words (the frame has no
    // allow-scripts either).
    expect(html).not.toMatch(/<script(?! type="application\/json")|<link /);
    expect(html).toContain('<script type="application/json" data-r="text">');
    expect(html).toContain("Quand arrive-t-il ?");
  });

  it("follows the unsaved form, and keeps saved values for fields that are not valid yet", async () => {
    await saveBranding(SHOP, { ...DEFAULT_BRANDING, accentColor: "#123456" });
    const request = { locale: "fr", primaryLocale: "en", shop: SHOP_INFO };

    const valid = await renderBrandingPreview(SHOP, { ...request, form: baseForm });
    expect(valid.fieldErrors).toEqual({});
    expect(valid.html).toContain("--resolve-accent: #aa0055;");
    expect(valid.html).toContain("resolve-portal--compact");
    expect(valid.html).toMatch(/<h2[^>]*>Centre d’aide<\/h2>/);

    const invalid = await renderBrandingPreview(SHOP, {
      ...request,
      form: { ...baseForm, accentColor: "red;}", radius: "99" },
    });
    expect(invalid.fieldErrors).toEqual({ accentColor: "hexColor", radius: "radiusRange" });
    expect(invalid.html).toContain("--resolve-accent: #123456;");
    expect(invalid.html).toContain("--resolve-radius: 8px;");
    expect(invalid.html).not.toContain("red;}");
    // Still the draft's other choices.
    expect(invalid.html).toContain("resolve-portal--compact");

    // Previewing saves nothing.
    const stored = await prisma.branding.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(JSON.parse(stored.document).accentColor).toBe("#123456");
  });

  it("warns about the draft's contrast, naming the ratio", async () => {
    const { warnings } = await renderBrandingPreview(SHOP, {
      locale: "en",
      primaryLocale: "en",
      shop: SHOP_INFO,
      form: { ...baseForm, accentColor: "#ffcc00", textOnAccentColor: "#ffffff" },
    });
    expect(warnings.map((warning) => [warning.pair, warning.ratio])).toEqual([
      ["textOnAccent", 1.51],
      ["accentOnWhite", 1.51],
    ]);
  });

  it("offers the block's own wording in each language as the placeholder for blank texts", () => {
    expect(portalDefaultTexts(["en", "fr", "pt-BR"])).toEqual({
      en: {
        heading: "How can we help?",
        intro: "Find quick answers to common questions about orders, delivery and returns.",
      },
      fr: {
        heading: "Comment pouvons-nous vous aider\u202f?",
        intro:
          "Trouvez rapidement des réponses aux questions fréquentes sur les commandes, la livraison et les retours.",
      },
      // No Portuguese locale file in the extension: Shopify falls back to the default file, English.
      "pt-BR": {
        heading: "How can we help?",
        intro: "Find quick answers to common questions about orders, delivery and returns.",
      },
    });
  });
});
