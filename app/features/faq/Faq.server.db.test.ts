import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { personalDataSources } from "../compliance/personal-data.server";
import {
  countPublishedArticles,
  deleteArticles,
  getArticle,
  listArticles,
  listCategories,
  listFiltersSchema,
  moveArticle,
  parseArticleForm,
  saveArticle,
  saveCategories,
  setArticlesStatus,
  type FaqArticleInput,
  type FaqLocale,
} from "./Faq.server";

const SHOP = "faq-model.myshopify.com";
const OTHER_SHOP = "faq-model-other.myshopify.com";
const LOCALES: FaqLocale[] = [
  { locale: "en", primary: true },
  { locale: "fr", primary: false },
  { locale: "de", primary: false },
];

const filters = (overrides: Partial<Record<string, string>> = {}) => listFiltersSchema.parse(overrides);

function article(question: string, overrides: Partial<FaqArticleInput> = {}): FaqArticleInput {
  return {
    handle: "",
    status: "draft",
    categoryId: null,
    position: null,
    translations: { en: { question, answerMarkdown: `Answer to ${question}`, keywords: "" } },
    ...overrides,
  };
}

async function create(shop: string, input: FaqArticleInput) {
  const result = await saveArticle(shop, null, input, LOCALES);
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return result.value;
}

async function wipe() {
  for (const shop of [SHOP, OTHER_SHOP]) {
    await prisma.faqArticle.deleteMany({ where: { shop } });
    await prisma.faqCategory.deleteMany({ where: { shop } });
  }
}

beforeEach(wipe);

describe("the article form", () => {
  const form = (fields: Record<string, string>) => parseArticleForm(fields, LOCALES);

  it("requires the question and answer in the primary language only", () => {
    const result = form({ status: "draft", "translations.fr.question": "Où est ma commande ?" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual({
      "translations.en.question": "required",
      "translations.en.answerMarkdown": "required",
      // A translation started but not finished is an error too; an untouched one (de) is not.
      "translations.fr.answerMarkdown": "required",
    });
  });

  it("keeps only the translations written, trimmed", () => {
    const result = form({
      status: "published",
      handle: " Where-Is-My-Order ",
      "translations.en.question": " Where is my order? ",
      "translations.en.answerMarkdown": "Track it here.",
      "translations.de.question": "",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        status: "published",
        categoryId: null,
        handle: "where-is-my-order",
        position: null,
        translations: { en: { question: "Where is my order?", answerMarkdown: "Track it here.", keywords: "" } },
      },
    });
  });

  it("refuses a malformed handle, a negative position and an over-long question", () => {
    const result = form({
      handle: "no spaces/please",
      position: "-1",
      "translations.en.question": "x".repeat(301),
      "translations.en.answerMarkdown": "ok",
    });
    expect(result.ok ? {} : result.fieldErrors).toEqual({
      handle: "handleFormat",
      position: "position",
      "translations.en.question": "tooLong",
    });
  });

  it("will not publish an answer that still holds a review placeholder, but saves it as a draft", () => {
    const fields = {
      "translations.en.question": "How long do refunds take?",
      "translations.en.answerMarkdown": "Within **[Review: 5] days**.",
    };
    const published = form({ ...fields, status: "published" });
    expect(published.ok ? {} : published.fieldErrors).toEqual({ "translations.en.answerMarkdown": "needsReview" });
    expect(form({ ...fields, status: "draft" }).ok).toBe(true);
  });
});

describe("articles", () => {
  it("creates an article with a handle from its question and stores sanitized HTML per locale", async () => {
    const { id, handle } = await create(
      SHOP,
      article("Where is my order?", {
        translations: {
          en: { question: "Where is my order?", answerMarkdown: "Use **tracking**.", keywords: "wismo track" },
          fr: { question: "Où est ma commande ?", answerMarkdown: "Suivez-la *ici*.", keywords: "suivi" },
        },
      }),
    );
    expect(handle).toBe("where-is-my-order");
    const stored = await getArticle(SHOP, id);
    expect(stored?.translations.en?.answerHtml).toBe("<p>Use <strong>tracking</strong>.</p>\n");
    expect(stored?.translations.fr?.answerHtml).toBe("<p>Suivez-la <em>ici</em>.</p>\n");
    expect(stored?.translations.en?.keywords).toBe("wismo track");
  });

  it("gives a second article with the same question its own handle, and refuses a taken handle", async () => {
    await create(SHOP, article("Returns"));
    expect((await create(SHOP, article("Returns"))).handle).toBe("returns-2");
    const clash = await saveArticle(SHOP, null, article("Other", { handle: "returns" }), LOCALES);
    expect(clash).toEqual({ ok: false, fieldErrors: { handle: "handleTaken" } });
    // Handles are unique per shop, not across shops.
    expect((await create(OTHER_SHOP, article("Returns"))).handle).toBe("returns");
  });

  it("removes a translation the merchant cleared, and keeps one of a language the shop stopped publishing", async () => {
    const { id } = await create(
      SHOP,
      article("Q", {
        translations: {
          en: { question: "Q", answerMarkdown: "A", keywords: "" },
          fr: { question: "Q fr", answerMarkdown: "A fr", keywords: "" },
          it: { question: "Q it", answerMarkdown: "A it", keywords: "" },
        },
      }),
    );
    const updated = await saveArticle(
      SHOP,
      id,
      article("Q2", { translations: { en: { question: "Q2", answerMarkdown: "A2", keywords: "" } } }),
      LOCALES,
    );
    expect(updated.ok).toBe(true);
    const stored = await getArticle(SHOP, id);
    expect(Object.keys(stored!.translations).sort()).toEqual(["en", "it"]);
    expect(stored?.translations.en?.question).toBe("Q2");
    expect(stored?.handle).toBe("q");
  });

  it("makes scripts, event handlers, javascript: links and styles inert in the stored HTML", async () => {
    const markdown = [
      "<script>alert('x')</script>",
      '<img src=x onerror="alert(1)">',
      "[click](javascript:alert(1))",
      '<a href="javascript:alert(2)" onclick="alert(3)">link</a>',
      '<p style="position:fixed;inset:0">cover</p><style>body{display:none}</style>',
    ].join("\n\n");
    const { id } = await create(
      SHOP,
      article("XSS", { translations: { en: { question: "XSS", answerMarkdown: markdown, keywords: "" } } }),
    );
    const html = (await getArticle(SHOP, id))!.translations.en!.answerHtml;
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|style|<img|alert\(1\)/i);
    expect(html).toContain("cover");
  });

  it("never reads, changes or deletes another shop's article", async () => {
    const { id } = await create(OTHER_SHOP, article("Theirs"));
    expect(await getArticle(SHOP, id)).toBeNull();
    expect(await saveArticle(SHOP, id, article("Mine"), LOCALES)).toEqual({
      ok: false,
      fieldErrors: { form: "notFound" },
    });
    expect(await deleteArticles(SHOP, [id])).toBe(0);
    expect(await setArticlesStatus(SHOP, [id], "published")).toEqual({ changed: 0, needsReview: 0 });
    expect((await getArticle(OTHER_SHOP, id))?.status).toBe("draft");
    const { ok } = await saveArticle(SHOP, null, article("Mine", { categoryId: "someone-elses" }), LOCALES);
    expect(ok).toBe(false);
  });

  it("publishes in bulk, skipping articles that still need review, and counts what shoppers can read", async () => {
    const ready = await create(SHOP, article("Ready"));
    const placeholder = await create(
      SHOP,
      article("Refunds", {
        translations: { en: { question: "Refunds", answerMarkdown: "In [Review: 5] days", keywords: "" } },
      }),
    );
    expect(await setArticlesStatus(SHOP, [ready.id, placeholder.id], "published")).toEqual({
      changed: 1,
      needsReview: 1,
    });
    expect(await countPublishedArticles(SHOP)).toBe(1);
    expect(await setArticlesStatus(SHOP, [ready.id], "draft")).toEqual({ changed: 1, needsReview: 0 });
    expect(await countPublishedArticles(SHOP)).toBe(0);
  });

  it("keeps the merchant's order: new articles last, moves swap neighbours", async () => {
    const a = await create(SHOP, article("A"));
    const b = await create(SHOP, article("B"));
    const c = await create(SHOP, article("C"));
    const order = async () => (await listArticles(SHOP, filters(), LOCALES)).items.map((item) => item.question);
    expect(await order()).toEqual(["A", "B", "C"]);
    expect(await moveArticle(SHOP, c.id, "up")).toBe(true);
    expect(await order()).toEqual(["A", "C", "B"]);
    expect(await moveArticle(SHOP, a.id, "up")).toBe(false);
    await moveArticle(SHOP, a.id, "down");
    expect(await order()).toEqual(["C", "A", "B"]);
    expect(b.id).toBeTruthy();
  });
});

describe("categories", () => {
  it("saves titles per locale in the merchant's order, and deleting one keeps its articles", async () => {
    const first = await saveCategories(
      SHOP,
      [{ titles: { en: "Shipping", fr: "Livraison" } }, { titles: { en: "Returns", fr: "" } }],
      LOCALES,
    );
    expect(first.ok).toBe(true);
    const [shipping, returns] = await listCategories(SHOP);
    expect(shipping?.titles).toEqual({ en: "Shipping", fr: "Livraison" });
    expect(returns?.titles).toEqual({ en: "Returns" });
    const { id } = await create(SHOP, article("How do I return?", { categoryId: returns!.id }));

    // Reorder, rename, and drop Shipping.
    await saveCategories(SHOP, [{ id: returns!.id, titles: { en: "Returns & refunds", fr: "Retours" } }], LOCALES);
    expect((await listCategories(SHOP)).map((category) => [category.titles, category.articleCount])).toEqual([
      [{ en: "Returns & refunds", fr: "Retours" }, 1],
    ]);
    expect((await getArticle(SHOP, id))?.categoryId).toBe(returns!.id);
    await saveCategories(SHOP, [], LOCALES);
    expect((await getArticle(SHOP, id))?.categoryId).toBeNull();
  });

  it("requires a title in the primary language and refuses two categories with the same title", async () => {
    const result = await saveCategories(
      SHOP,
      [{ titles: { fr: "Retours" } }, { titles: { en: "Orders" } }, { titles: { en: "orders" } }],
      LOCALES,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { "categories.0.en": "required", "categories.2.en": "duplicateCategory" },
    });
    expect(await listCategories(SHOP)).toEqual([]);
  });

  it("does not touch another shop's category", async () => {
    await saveCategories(OTHER_SHOP, [{ titles: { en: "Theirs" } }], LOCALES);
    const [theirs] = await listCategories(OTHER_SHOP);
    await saveCategories(SHOP, [{ id: theirs!.id, titles: { en: "Hijacked" } }], LOCALES);
    expect((await listCategories(OTHER_SHOP))[0]?.titles).toEqual({ en: "Theirs" });
    expect((await listCategories(SHOP)).map((category) => category.titles)).toEqual([{ en: "Hijacked" }]);
  });
});

describe("the article list", () => {
  it("searches questions and keywords in any language, case-insensitively, and filters", async () => {
    await saveCategories(SHOP, [{ titles: { en: "Shipping" } }], LOCALES);
    const [shipping] = await listCategories(SHOP);
    await create(
      SHOP,
      article("Where is my parcel?", {
        status: "published",
        categoryId: shipping!.id,
        translations: {
          en: { question: "Where is my parcel?", answerMarkdown: "Tracking.", keywords: "wismo lost" },
          fr: { question: "Où est mon colis ?", answerMarkdown: "Suivi.", keywords: "" },
        },
      }),
    );
    await create(
      SHOP,
      article("How do refunds work?", {
        translations: { en: { question: "How do refunds work?", answerMarkdown: "Fully.", keywords: "100% refund" } },
      }),
    );
    await create(OTHER_SHOP, article("Where is my parcel? (other shop)"));

    const questions = async (overrides: Partial<Record<string, string>>) =>
      (await listArticles(SHOP, filters(overrides), LOCALES)).items.map((item) => item.question);
    expect(await questions({ query: "PARCEL" })).toEqual(["Where is my parcel?"]);
    expect(await questions({ query: "wismo" })).toEqual(["Where is my parcel?"]);
    expect(await questions({ query: "colis" })).toEqual(["Where is my parcel?"]);
    // SQL wildcards in a search are not wildcards.
    expect(await questions({ query: "100%" })).toEqual(["How do refunds work?"]);
    expect(await questions({ query: "100% refund" })).toEqual(["How do refunds work?"]);
    expect(await questions({ query: "%ere" })).toEqual(["Where is my parcel?"]);
    expect(await questions({ status: "draft" })).toEqual(["How do refunds work?"]);
    expect(await questions({ category: shipping!.id })).toEqual(["Where is my parcel?"]);
    expect(await questions({ category: "none" })).toEqual(["How do refunds work?"]);
    expect(await questions({ missingLocale: "fr" })).toEqual(["How do refunds work?"]);
    expect(await questions({ missingLocale: "de" })).toHaveLength(2);

    const [parcel] = (await listArticles(SHOP, filters({ query: "parcel" }), LOCALES)).items;
    expect(parcel).toMatchObject({ categoryTitle: "Shipping", locales: ["en", "fr"], missingLocales: ["de"] });
  });

  it("pages through 300 articles in order, quickly", async () => {
    const rows = Array.from({ length: 300 }, (_, index) => ({
      shop: SHOP,
      handle: `article-${index}`,
      position: index,
      status: index % 3 === 0 ? "published" : "draft",
    }));
    await prisma.faqArticle.createMany({ data: rows });
    const created = await prisma.faqArticle.findMany({ where: { shop: SHOP }, select: { id: true, handle: true } });
    await prisma.faqArticleTranslation.createMany({
      data: created.map(({ id, handle }) => ({
        articleId: id,
        shop: SHOP,
        locale: "en",
        question: `Question ${handle.slice(8)}?`,
        answerMarkdown: "Answer",
        answerHtml: "<p>Answer</p>",
        keywords: handle === "article-150" ? "needle" : "",
      })),
    });

    const started = performance.now();
    const page1 = await listArticles(SHOP, filters(), LOCALES);
    const page6 = await listArticles(SHOP, filters({ page: "6" }), LOCALES);
    const published = await listArticles(SHOP, filters({ status: "published", page: "2" }), LOCALES);
    const search = await listArticles(SHOP, filters({ query: "needle" }), LOCALES);
    const elapsed = performance.now() - started;

    expect(page1).toMatchObject({ total: 300, page: 1, pageCount: 6 });
    expect(page1.items).toHaveLength(50);
    expect(page1.items[0]?.question).toBe("Question 0?");
    expect(page6.items.at(-1)?.question).toBe("Question 299?");
    expect(published).toMatchObject({ total: 100, page: 2 });
    expect(published.items[0]?.question).toBe("Question 150?");
    expect(search.items.map((item) => item.handle)).toEqual(["article-150"]);
    // A page past the end shows the last page rather than nothing.
    expect((await listArticles(SHOP, filters({ page: "99" }), LOCALES)).page).toBe(6);
    expect(elapsed).toBeLessThan(1_000);
    console.info(`[faq] 4 list queries over 300 articles: ${elapsed.toFixed(0)} ms`);
  });
});

describe("shop/redact", () => {
  it("deletes the shop's FAQ on shop/redact and leaves other shops' alone", async () => {
    await saveCategories(SHOP, [{ titles: { en: "Orders" } }], LOCALES);
    await create(SHOP, article("Mine"));
    await create(OTHER_SHOP, article("Theirs"));
    const source = personalDataSources.find((candidate) => candidate.name === "FAQ")!;
    expect(await source.redactShop(SHOP, prisma)).toBe(3);
    expect(await prisma.faqArticleTranslation.count({ where: { shop: SHOP } })).toBe(0);
    expect(await listCategories(SHOP)).toEqual([]);
    expect(await prisma.faqArticle.count({ where: { shop: OTHER_SHOP } })).toBe(1);
    expect(await source.exportCustomer({ shop: SHOP, customer: { id: "1" }, orderIds: [] }, prisma)).toEqual([]);
  });
});
