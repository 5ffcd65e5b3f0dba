import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { getArticle, listCategories, saveArticle, saveCategories, type FaqLocale } from "./Faq.server";
import { FAQ_CSV_COLUMNS, exportFaqCsv, importFaqCsv } from "./faq-csv.server";

const SHOP = "faq-csv.myshopify.com";
const COPY_SHOP = "faq-csv-copy.myshopify.com";
const LOCALES: FaqLocale[] = [
  { locale: "en", primary: true },
  { locale: "fr", primary: false },
];

type Row = Partial<Record<(typeof FAQ_CSV_COLUMNS)[number], string>>;
const csv = (rows: Row[]) => stringify(rows, { header: true, columns: [...FAQ_CSV_COLUMNS] });
const row = (overrides: Row = {}): Row => ({
  handle: "where-is-my-order",
  locale: "en",
  category: "Shipping",
  status: "published",
  position: "1",
  question: "Where is my order?",
  answer_markdown: "Track it on this page.",
  keywords: "wismo tracking",
  ...overrides,
});

beforeEach(async () => {
  for (const shop of [SHOP, COPY_SHOP]) {
    await prisma.faqArticle.deleteMany({ where: { shop } });
    await prisma.faqCategory.deleteMany({ where: { shop } });
  }
});

async function articlesOf(shop: string) {
  return prisma.faqArticle.findMany({
    where: { shop },
    include: { translations: { orderBy: { locale: "asc" } } },
    orderBy: { position: "asc" },
  });
}

describe("importing a CSV file", () => {
  it("creates articles, translations and categories (with translated titles)", async () => {
    const result = await importFaqCsv(
      SHOP,
      csv([
        row(),
        row({ locale: "fr", category: "Livraison", question: "Où est ma commande ?", answer_markdown: "Suivez-la." }),
        row({ handle: "refunds", category: "", status: "draft", position: "", question: "Refunds?", keywords: "" }),
      ]),
      LOCALES,
    );
    expect(result).toEqual({ ok: true, articlesCreated: 2, articlesUpdated: 0, translations: 3 });
    const [order, refunds] = await articlesOf(SHOP);
    expect(order).toMatchObject({ handle: "where-is-my-order", status: "published", position: 1 });
    expect(order?.translations.map((t) => [t.locale, t.question, t.answerHtml])).toEqual([
      ["en", "Where is my order?", "<p>Track it on this page.</p>\n"],
      ["fr", "Où est ma commande ?", "<p>Suivez-la.</p>\n"],
    ]);
    expect(refunds).toMatchObject({ handle: "refunds", status: "draft", position: 2, categoryId: null });
    expect((await listCategories(SHOP)).map((category) => category.titles)).toEqual([
      { en: "Shipping", fr: "Livraison" },
    ]);
  });

  it("updates by handle and locale, reusing categories by title", async () => {
    await saveCategories(SHOP, [{ titles: { en: "Shipping" } }], LOCALES);
    await importFaqCsv(SHOP, csv([row()]), LOCALES);
    const result = await importFaqCsv(
      SHOP,
      csv([row({ category: "shipping", question: "Where's my order?" }), row({ locale: "fr", question: "Où ?" })]),
      LOCALES,
    );
    expect(result).toMatchObject({ ok: true, articlesCreated: 0, articlesUpdated: 1, translations: 2 });
    const [article] = await articlesOf(SHOP);
    expect(article?.translations.map((t) => t.question)).toEqual(["Where's my order?", "Où ?"]);
    expect(await listCategories(SHOP)).toHaveLength(1);
    expect(await prisma.faqArticle.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("reports every bad row with its row number and column, and imports nothing", async () => {
    const result = await importFaqCsv(
      SHOP,
      csv([
        row({ handle: "good-one" }),
        row({ handle: "Bad Handle!" }),
        row({ handle: "no-answer", answer_markdown: "  " }),
        row({ handle: "wrong-status", status: "live" }),
        row({ handle: "italian", locale: "it" }),
        row({ handle: "good-one" }),
        row({ handle: "only-french", locale: "fr" }),
        row({ handle: "placeholder", answer_markdown: "Within [Review: 5] days" }),
      ]),
      LOCALES,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { row: 3, column: "handle", code: "handleFormat" },
      { row: 4, column: "answer_markdown", code: "required" },
      { row: 5, column: "status", code: "status" },
      { row: 6, column: "locale", code: "unknownLocale", params: { locale: "it", locales: "en, fr" } },
      { row: 7, column: "handle", code: "duplicateRow", params: { row: 2, locale: "en" } },
      { row: 8, column: "locale", code: "missingPrimary", params: { locale: "en" } },
      { row: 9, column: "answer_markdown", code: "needsReview" },
    ]);
    // All or nothing: the good row was not imported either.
    expect(await prisma.faqArticle.count({ where: { shop: SHOP } })).toBe(0);
    expect(await listCategories(SHOP)).toEqual([]);
  });

  it("refuses rows of one article that disagree on its status", async () => {
    const result = await importFaqCsv(SHOP, csv([row(), row({ locale: "fr", status: "draft" })]), LOCALES);
    expect(result).toEqual({
      ok: false,
      problems: [{ row: 3, column: "status", code: "conflict", params: { row: 2, handle: "where-is-my-order" } }],
    });
  });

  it("explains a file it cannot use: missing columns, broken quoting, empty, not UTF-8, too big, too many rows", async () => {
    const problemsOf = async (text: string) => {
      const result = await importFaqCsv(SHOP, text, LOCALES);
      return result.ok ? [] : result.problems.map((problem) => problem.code);
    };
    expect(await problemsOf("handle,question\nx,y\n")).toEqual(["missingColumns"]);
    expect(await problemsOf(`${FAQ_CSV_COLUMNS.join(",")}\nx,en,,draft,1,"unclosed,a,k\n`)).toEqual(["unreadable"]);
    expect(await problemsOf(`${FAQ_CSV_COLUMNS.join(",")}\n\n`)).toEqual(["empty"]);
    expect(await problemsOf(csv([row({ answer_markdown: "x".repeat(2_100_000) })]))).toEqual(["tooLarge"]);
    const latin1 = new TextDecoder("utf-8").decode(Buffer.from(csv([row({ question: "Où ?" })]), "latin1"));
    expect(await problemsOf(latin1)).toEqual(["encoding"]);
    const many = Array.from({ length: 5_001 }, (_, index) => row({ handle: `a-${index}` }));
    expect(await problemsOf(csv(many))).toEqual(["tooManyRows"]);
  });

  it("imports a large file (1,000 articles in two languages) in one transaction", async () => {
    const rows = Array.from({ length: 1_000 }, (_, index) => [
      row({ handle: `article-${index}`, category: `Category ${index % 10}`, position: String(index) }),
      row({ handle: `article-${index}`, locale: "fr", category: `Catégorie ${index % 10}`, position: "" }),
    ]).flat();
    const started = performance.now();
    const result = await importFaqCsv(SHOP, csv(rows), LOCALES);
    const elapsed = performance.now() - started;
    expect(result).toEqual({ ok: true, articlesCreated: 1_000, articlesUpdated: 0, translations: 2_000 });
    expect(await listCategories(SHOP)).toHaveLength(10);
    console.info(`[faq] CSV import of 2,000 rows: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(30_000);
  });

  it("makes script and javascript: payloads inert in the stored HTML", async () => {
    await importFaqCsv(
      SHOP,
      csv([row({ answer_markdown: '<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">x</a>' })]),
      LOCALES,
    );
    const [article] = await articlesOf(SHOP);
    expect(article?.translations[0]?.answerHtml).not.toMatch(/script|javascript:|onclick/);
  });

  it("numbers rows as a spreadsheet does, across blank lines and multi-line answers", async () => {
    const text = [FAQ_CSV_COLUMNS.join(","), 'a,en,,draft,,Q?,"line one', 'line two",', "", "b,en,,nope,,Q?,A,"].join(
      "\n",
    );
    const result = await importFaqCsv(SHOP, text, LOCALES);
    expect(result.ok ? [] : result.problems).toEqual([{ row: 4, column: "status", code: "status" }]);
  });
});

describe("exporting", () => {
  it("exports what imports back unchanged (round trip), in the shop's order, primary locale first", async () => {
    await saveCategories(SHOP, [{ titles: { en: "Returns", fr: "Retours" } }], LOCALES);
    const [returns] = await listCategories(SHOP);
    await saveArticle(
      SHOP,
      null,
      {
        handle: "returns",
        status: "published",
        categoryId: returns!.id,
        position: 3,
        translations: {
          fr: { question: "Retours, « vraiment » ?", answerMarkdown: "Oui,\n\n- sous 30 jours", keywords: "retour" },
          en: { question: 'Returns, "really"?', answerMarkdown: "Yes,\n\n- within 30 days", keywords: "return" },
        },
      },
      LOCALES,
    );
    await saveArticle(
      SHOP,
      null,
      {
        handle: "shipping",
        status: "draft",
        categoryId: null,
        position: 1,
        translations: { en: { question: "Shipping?", answerMarkdown: "Fast.", keywords: "" } },
      },
      LOCALES,
    );

    const exported = await exportFaqCsv(SHOP, LOCALES);
    expect(
      exported.startsWith("\uFEFFhandle,locale,category,status,position,question,answer_markdown,keywords\n"),
    ).toBe(true);
    expect(exported.split("\n")[1]).toBe("shipping,en,,draft,1,Shipping?,Fast.,");

    expect(await importFaqCsv(COPY_SHOP, exported, LOCALES)).toMatchObject({ ok: true, articlesCreated: 2 });
    expect(await exportFaqCsv(COPY_SHOP, LOCALES)).toBe(exported);
    const copy = await prisma.faqArticle.findFirst({ where: { shop: COPY_SHOP, handle: "returns" } });
    expect((await getArticle(COPY_SHOP, copy!.id))?.translations.fr?.answerMarkdown).toBe("Oui,\n\n- sous 30 jours");

    // Importing the export into the same shop changes nothing.
    expect(await importFaqCsv(SHOP, exported, LOCALES)).toMatchObject({ ok: true, articlesUpdated: 2 });
    expect(await exportFaqCsv(SHOP, LOCALES)).toBe(exported);
    expect(await exportFaqCsv("nobody.myshopify.com", LOCALES)).toBe(
      "\uFEFFhandle,locale,category,status,position,question,answer_markdown,keywords\n",
    );
  });

  it("neutralises cells a spreadsheet would run as formulas, and imports them back as the merchant's text", async () => {
    const texts = {
      question: '=HYPERLINK("https://evil.example","Click")',
      answerMarkdown: "- bullet one\n- bullet two",
      keywords: "@SUM(A1:A2)",
    };
    await saveCategories(SHOP, [{ titles: { en: "+cmd|' /C calc'!A0", fr: "'=déjà cité" } }], LOCALES);
    const [category] = await listCategories(SHOP);
    await saveArticle(
      SHOP,
      null,
      {
        handle: "formulas",
        status: "draft",
        categoryId: category!.id,
        position: 1,
        translations: { en: texts, fr: { question: "'- cité", answerMarkdown: "Texte.", keywords: "" } },
      },
      LOCALES,
    );

    const exported = await exportFaqCsv(SHOP, LOCALES);
    const cells = parse(exported, { bom: true, columns: true }) as Record<string, string>[];
    expect(cells.map((cell) => [cell.category, cell.question, cell.answer_markdown, cell.keywords])).toEqual([
      ["'+cmd|' /C calc'!A0", `'${texts.question}`, `'${texts.answerMarkdown}`, `'${texts.keywords}`],
      ["''=déjà cité", "''- cité", "Texte.", ""],
    ]);

    expect(await importFaqCsv(COPY_SHOP, exported, LOCALES)).toMatchObject({ ok: true, articlesCreated: 1 });
    const copy = await prisma.faqArticle.findFirst({ where: { shop: COPY_SHOP, handle: "formulas" } });
    const article = await getArticle(COPY_SHOP, copy!.id);
    expect(article?.translations.en).toMatchObject(texts);
    expect(article?.translations.fr).toMatchObject({ question: "'- cité" });
    expect((await listCategories(COPY_SHOP))[0]?.titles).toEqual({ en: "+cmd|' /C calc'!A0", fr: "'=déjà cité" });
    expect(await exportFaqCsv(COPY_SHOP, LOCALES)).toBe(exported);
  });
});
