import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { findReviewPlaceholders, listCategories, saveCategories, setArticlesStatus } from "./Faq.server";
import { STARTER_ARTICLES, addStarterArticles } from "./faq-starter-articles.server";

const SHOP = "faq-starter.myshopify.com";
const LOCALES = [
  { locale: "en", primary: true },
  { locale: "fr", primary: false },
  { locale: "de", primary: false },
];

beforeEach(async () => {
  await prisma.faqArticle.deleteMany({ where: { shop: SHOP } });
  await prisma.faqCategory.deleteMany({ where: { shop: SHOP } });
});

describe("starter articles", () => {
  it("covers what shoppers ask most after buying", () => {
    expect(STARTER_ARTICLES.map((article) => article.handle)).toEqual([
      "how-do-i-return-an-item",
      "when-will-i-get-my-refund",
      "can-i-exchange-an-item",
      "how-long-does-shipping-take",
      "do-you-ship-internationally",
      "can-i-change-or-cancel-my-order",
      "my-parcel-has-not-arrived",
      "final-sale-items",
      "returning-a-gift",
    ]);
    for (const article of STARTER_ARTICLES) {
      // Every article leaves the merchant's own facts to review, in both languages.
      expect(findReviewPlaceholders(article.text.en.answerMarkdown).length).toBeGreaterThan(0);
      expect(findReviewPlaceholders(article.text.fr.answerMarkdown).length).toBeGreaterThan(0);
    }
  });

  it("adds drafts in English and French with their categories, and never duplicates them", async () => {
    expect(await addStarterArticles(SHOP, LOCALES)).toEqual({ created: 9, skipped: 0 });
    const articles = await prisma.faqArticle.findMany({
      where: { shop: SHOP },
      include: { translations: true },
      orderBy: { position: "asc" },
    });
    expect(articles).toHaveLength(9);
    expect(articles.every((article) => article.status === "draft")).toBe(true);
    expect(articles.map((article) => article.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // No German starter text: German stays a missing translation for the merchant to write.
    expect(new Set(articles.flatMap((article) => article.translations.map((t) => t.locale)))).toEqual(
      new Set(["en", "fr"]),
    );
    expect((await listCategories(SHOP)).map((category) => [category.titles, category.articleCount])).toEqual([
      [{ en: "Returns and refunds", fr: "Retours et remboursements" }, 5],
      [{ en: "Shipping and delivery", fr: "Livraison" }, 3],
      [{ en: "Orders", fr: "Commandes" }, 1],
    ]);

    // A second click (or a concurrent one) adds nothing.
    const again = await Promise.all([addStarterArticles(SHOP, LOCALES), addStarterArticles(SHOP, LOCALES)]);
    expect(again).toEqual([
      { created: 0, skipped: 9 },
      { created: 0, skipped: 9 },
    ]);
    expect(await prisma.faqArticle.count({ where: { shop: SHOP } })).toBe(9);
    expect(await listCategories(SHOP)).toHaveLength(3);
  });

  it("cannot be published until the merchant has replaced the placeholders", async () => {
    await addStarterArticles(SHOP, LOCALES);
    const ids = (await prisma.faqArticle.findMany({ where: { shop: SHOP }, select: { id: true } })).map((a) => a.id);
    expect(await setArticlesStatus(SHOP, ids, "published")).toEqual({ changed: 0, needsReview: 9 });
  });

  it("restores only the starter articles the merchant deleted, into the categories they already have", async () => {
    await saveCategories(SHOP, [{ titles: { en: "Orders" } }], LOCALES);
    await addStarterArticles(SHOP, LOCALES);
    await prisma.faqArticle.deleteMany({ where: { shop: SHOP, handle: "returning-a-gift" } });
    await prisma.faqArticleTranslation.updateMany({
      where: { shop: SHOP, locale: "en", article: { handle: "final-sale-items" } },
      data: { question: "Edited by the merchant" },
    });
    expect(await addStarterArticles(SHOP, LOCALES)).toEqual({ created: 1, skipped: 8 });
    const edited = await prisma.faqArticleTranslation.findFirst({
      where: { shop: SHOP, locale: "en", article: { handle: "final-sale-items" } },
    });
    expect(edited?.question).toBe("Edited by the merchant");
    expect((await listCategories(SHOP)).map((category) => category.titles.en)).toEqual([
      "Orders",
      "Returns and refunds",
      "Shipping and delivery",
    ]);
  });

  it("writes English text in a primary language it has no text for, so every article has one", async () => {
    const result = await addStarterArticles(SHOP, [
      { locale: "de", primary: true },
      { locale: "fr-CA", primary: false },
    ]);
    expect(result.created).toBe(9);
    const translation = await prisma.faqArticleTranslation.findFirst({
      where: { shop: SHOP, locale: "de", article: { handle: "returning-a-gift" } },
    });
    expect(translation?.question).toBe("Can I return a gift?");
    expect(await prisma.faqArticleTranslation.count({ where: { shop: SHOP, locale: "fr-CA" } })).toBe(9);
  });
});
