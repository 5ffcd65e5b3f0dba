import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { DEFAULT_BRANDING, saveBranding } from "../branding/Branding.server";
import {
  buildStorefrontSnapshot,
  findSnapshotLimitProblem,
  JSON_VALUE_MAX_BYTES,
  readPolicyForShoppers,
  type SnapshotLocale,
} from "./build-storefront-snapshot.server";

const SHOP = "snapshot-build.myshopify.com";
const OTHER_SHOP = "snapshot-build-other.myshopify.com";
const LOCALES: SnapshotLocale[] = [
  { locale: "fr", name: "French", primary: false },
  { locale: "en", name: "English", primary: true },
];

async function wipe() {
  for (const shop of [SHOP, OTHER_SHOP]) {
    await prisma.faqArticle.deleteMany({ where: { shop } });
    await prisma.faqCategory.deleteMany({ where: { shop } });
    await prisma.returnPolicy.deleteMany({ where: { shop } });
    await prisma.branding.deleteMany({ where: { shop } });
  }
}

async function category(shop: string, position: number, titles: Record<string, string>) {
  return prisma.faqCategory.create({ data: { shop, position, titles: JSON.stringify(titles) } });
}

interface ArticleFixture {
  shop?: string;
  handle: string;
  status?: "draft" | "published";
  position?: number;
  categoryId?: string | null;
  translations: Record<string, { question: string; answerHtml: string; keywords?: string }>;
}

async function article({
  shop = SHOP,
  handle,
  status = "published",
  position = 0,
  categoryId = null,
  translations,
}: ArticleFixture) {
  return prisma.faqArticle.create({
    data: {
      shop,
      handle,
      status,
      position,
      categoryId,
      translations: {
        create: Object.entries(translations).map(([locale, t]) => ({
          shop,
          locale,
          question: t.question,
          answerMarkdown: t.answerHtml,
          answerHtml: t.answerHtml,
          keywords: t.keywords ?? "",
        })),
      },
    },
  });
}

async function policy(document: unknown) {
  await prisma.returnPolicy.create({
    data: {
      shop: SHOP,
      document: typeof document === "string" ? document : JSON.stringify(document),
      reviewedAt: new Date(),
    },
  });
}

beforeEach(wipe);

describe("the settings value (resolve.portal)", () => {
  it("carries the saved branding, the default language first, and the shop's languages", async () => {
    await saveBranding(SHOP, {
      ...DEFAULT_BRANDING,
      accentColor: "#aa0055",
      radius: 4,
      density: "compact",
      modules: { tracking: false, returns: true, faq: true, contact: true },
      contact: { email: false, orderRequired: true },
    });
    const { portal, values } = await buildStorefrontSnapshot(SHOP, LOCALES);

    expect(portal).toEqual({
      version: 2,
      hash: expect.stringMatching(/^[0-9a-f]{32}$/),
      defaultLocale: "en",
      locales: ["en", "fr"],
      branding: {
        accentColor: "#aa0055",
        textOnAccentColor: "#ffffff",
        radius: 4,
        density: "compact",
        modules: { tracking: false, returns: true, faq: true, contact: true },
      },
      contact: { email: false, orderRequired: true },
    });
    expect(values.map((value) => value.key)).toEqual(["portal", "content_en", "content_fr"]);
    expect(JSON.parse(values[0]!.value)).toEqual(portal);
  });

  it("uses unsaved branding when asked (the admin's preview), without touching the database", async () => {
    const { portal } = await buildStorefrontSnapshot(SHOP, LOCALES, {
      branding: { ...DEFAULT_BRANDING, accentColor: "#000000" },
    });
    expect(portal.branding.accentColor).toBe("#000000");
    expect(await prisma.branding.count({ where: { shop: SHOP } })).toBe(0);
  });
});

describe("content per language (resolve.content_<locale>)", () => {
  it("splits published FAQ by language, grouped in category order, uncategorised last", async () => {
    const shipping = await category(SHOP, 1, { en: "Shipping", fr: "Livraison" });
    const returns = await category(SHOP, 0, { en: "Returns" });
    await article({
      handle: "where-is-my-order",
      categoryId: shipping.id,
      translations: {
        en: { question: "Where is my order?", answerHtml: "<p>On its way.</p>", keywords: "tracking" },
        fr: { question: "Où est ma commande ?", answerHtml: "<p>En route.</p>" },
      },
    });
    await article({
      handle: "refund-time",
      categoryId: returns.id,
      translations: { en: { question: "When is my refund?", answerHtml: "<p>5 days.</p>" } },
    });
    await article({
      handle: "gift-wrap",
      translations: { en: { question: "Gift wrap?", answerHtml: "<p>Yes.</p>" } },
    });
    await article({
      handle: "draft-one",
      status: "draft",
      translations: { en: { question: "Draft?", answerHtml: "<p>No.</p>" } },
    });
    await article({
      shop: OTHER_SHOP,
      handle: "other-shop",
      translations: { en: { question: "Other shop?", answerHtml: "<p>No.</p>" } },
    });

    const { content } = await buildStorefrontSnapshot(SHOP, LOCALES);

    expect(content.en!.faq.map((entry) => entry.id)).toEqual(["refund-time", "where-is-my-order", "gift-wrap"]);
    expect(content.en!.categories).toEqual([
      { id: returns.id, title: "Returns" },
      { id: shipping.id, title: "Shipping" },
    ]);
    expect(content.en!.faq[1]).toEqual({
      id: "where-is-my-order",
      categoryId: shipping.id,
      question: "Where is my order?",
      answerHtml: "<p>On its way.</p>",
      keywords: "tracking",
    });

    // French: its own translation where there is one, English marked as such where there is not.
    expect(content.fr!.faq.map((entry) => [entry.question, entry.lang])).toEqual([
      ["When is my refund?", "en"],
      ["Où est ma commande ?", undefined],
      ["Gift wrap?", "en"],
    ]);
    expect(content.fr!.categories).toEqual([
      { id: returns.id, title: "Returns", lang: "en" },
      { id: shipping.id, title: "Livraison" },
    ]);
  });

  it("publishes the merchant's heading and intro per language, and leaves blanks to the block", async () => {
    await saveBranding(SHOP, {
      ...DEFAULT_BRANDING,
      texts: { en: { heading: "Help centre", intro: "" }, fr: { heading: "", intro: "Nous sommes là." } },
    });
    const { content } = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect(content.en).toEqual({ heading: "Help centre", categories: [], faq: [] });
    expect(content.fr).toEqual({ intro: "Nous sommes là.", categories: [], faq: [] });
  });

  it("publishes the reviewed policy text and window, falling back to the default language's text", async () => {
    await policy({
      windowDays: 45,
      windowStartsAt: "fulfillment",
      policyText: { en: "Return **unworn** items.", fr: "" },
    });
    const { content } = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect(content.en).toMatchObject({
      policyHtml: "<p>Return <strong>unworn</strong> items.</p>\n",
      returnWindowDays: 45,
      returnWindowStart: "fulfillment",
    });
    expect(content.en!.policyLang).toBeUndefined();
    expect(content.fr).toMatchObject({ policyHtml: content.en!.policyHtml, policyLang: "en", returnWindowDays: 45 });
  });

  it("publishes no policy facts for a shop that never saved its policy, and survives a broken one", async () => {
    const { content } = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect(content.en).toEqual({ categories: [], faq: [] });

    await policy("{not json");
    await article({
      handle: "still-here",
      translations: { en: { question: "Still here?", answerHtml: "<p>Yes</p>" } },
    });
    const broken = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect(broken.content.en!.policyHtml).toBeUndefined();
    expect(broken.content.en!.faq).toHaveLength(1);
  });
});

describe("sanitization: nothing that runs or restyles reaches the storefront", () => {
  const payloads = [
    '<p>Hi<script>alert("x")</script></p>',
    '<p onclick="alert(1)">Click</p><img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">Open</a> <a href="JaVaScRiPt:alert(4)">Again</a>',
    '<p style="position:fixed;inset:0;background:url(https://evil.test/x)">Overlay</p>',
    '<iframe src="https://evil.test"></iframe><style>body{display:none}</style>',
    '<svg><a xlink:href="javascript:alert(5)">x</a></svg>',
  ];

  it("strips scripts, event handlers, javascript: links and styles from stored answers and the policy", async () => {
    for (const [index, html] of payloads.entries()) {
      await article({ handle: `payload-${index}`, translations: { en: { question: `Q${index}`, answerHtml: html } } });
    }
    await policy({ windowDays: 30, policyText: { en: payloads.join("\n\n") } });

    const { values } = await buildStorefrontSnapshot(SHOP, LOCALES);
    const published = values.map((value) => value.value).join("\n");
    for (const forbidden of [
      /<script/i,
      /onclick/i,
      /onerror/i,
      /javascript:/i,
      /style=/i,
      /<style/i,
      /<iframe/i,
      /<svg/i,
      /<img/i,
    ]) {
      expect(published).not.toMatch(forbidden);
    }
    // The words survive, as text.
    expect(published).toContain("Overlay");
    expect(published).toContain("Click");
  });

  it("keeps plain-text fields plain: control characters go, markup stays text for Liquid to escape", async () => {
    await article({
      handle: "controls",
      translations: { en: { question: "Where\u0001 is <b>it</b>?\u0007", answerHtml: "<p>Here</p>" } },
    });
    const { content } = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect(content.en!.faq[0]!.question).toBe("Where is <b>it</b>?");
  });
});

describe("sizes and the one-call limit", () => {
  it("measures each value in UTF-8 bytes, as Shopify counts them", async () => {
    await article({ handle: "umlaut", translations: { en: { question: "ü".repeat(1000), answerHtml: "<p>ä</p>" } } });
    const { values } = await buildStorefrontSnapshot(SHOP, LOCALES);
    for (const value of values) expect(value.bytes).toBe(Buffer.byteLength(value.value, "utf8"));
    expect(values.find((value) => value.key === "content_en")!.bytes).toBeGreaterThan(2000);
  });

  it("names every language whose content is over 128 KB, with its size", async () => {
    const long = `<p>${"Long answer. ".repeat(1500)}</p>`;
    for (let index = 0; index < 12; index++) {
      await article({
        handle: `long-${index}`,
        translations: {
          en: { question: `Q${index}`, answerHtml: long },
          fr: { question: `Q${index} fr`, answerHtml: "<p>Court.</p>" },
        },
      });
    }
    const snapshot = await buildStorefrontSnapshot(SHOP, LOCALES);
    const problem = findSnapshotLimitProblem(snapshot);
    const bytesOf = (key: string) => snapshot.values.find((value) => value.key === key)!.bytes;
    expect(problem).toEqual({
      kind: "tooLarge",
      over: [{ key: "content_en", locale: "en", bytes: bytesOf("content_en") }],
      maxBytes: JSON_VALUE_MAX_BYTES,
    });
    expect(snapshot.values.find((value) => value.key === "content_fr")!.bytes).toBeLessThan(JSON_VALUE_MAX_BYTES);
  });

  it("refuses more languages than one metafieldsSet call can carry", async () => {
    const many = Array.from({ length: 25 }, (_, index) => ({
      locale: `l${String.fromCharCode(97 + index)}`,
      name: `Language ${index}`,
      primary: index === 0,
    }));
    const problem = findSnapshotLimitProblem(await buildStorefrontSnapshot(SHOP, many));
    expect(problem).toEqual({ kind: "tooManyLocales", count: 25, maxLocales: 24 });
    expect(findSnapshotLimitProblem(await buildStorefrontSnapshot(SHOP, many.slice(0, 24)))).toBeNull();
  });
});

describe("the snapshot hash", () => {
  it("is the same for the same data and changes with any published detail", async () => {
    const first = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect((await buildStorefrontSnapshot(SHOP, LOCALES)).hash).toBe(first.hash);

    await saveBranding(SHOP, { ...DEFAULT_BRANDING, radius: 9 });
    const rebranded = await buildStorefrontSnapshot(SHOP, LOCALES);
    expect(rebranded.hash).not.toBe(first.hash);

    await article({ handle: "new", translations: { fr: { question: "Nouveau ?", answerHtml: "<p>Oui</p>" } } });
    expect((await buildStorefrontSnapshot(SHOP, LOCALES)).hash).not.toBe(rebranded.hash);
  });
});

describe("reading the policy document defensively", () => {
  it.each([
    [null, { windowDays: null, windowStart: null, textByLocale: {} }],
    ["[]", { windowDays: null, windowStart: null, textByLocale: {} }],
    ['{"windowDays": -3, "policyText": {"en": 42}}', { windowDays: null, windowStart: null, textByLocale: {} }],
    [
      '{"windowDays": 14, "windowStartsAt": "delivery", "policyText": {"en": "Text", "fr": "  "}}',
      { windowDays: 14, windowStart: "delivery", textByLocale: { en: "Text" } },
    ],
  ])("%s", (json, expected) => {
    expect(readPolicyForShoppers(json)).toEqual(expected);
  });
});
