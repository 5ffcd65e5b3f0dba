import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";

import prisma from "../../db.server";
import {
  FAQ_LIMITS,
  HANDLE_PATTERN,
  findReviewPlaceholders,
  parseTitles,
  upsertTranslation,
  type FaqLocale,
} from "./Faq.server";

/**
 * The FAQ as a spreadsheet: one row per article and locale. Import is all or nothing: every row is checked
 * first and any error leaves the FAQ untouched, with the row, the column and what to fix.
 */

export const FAQ_CSV_COLUMNS = [
  "handle",
  "locale",
  "category",
  "status",
  "position",
  "question",
  "answer_markdown",
  "keywords",
] as const;
type Column = (typeof FAQ_CSV_COLUMNS)[number];

export const FAQ_CSV_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5_000 } as const;

/**
 * What is wrong and where. `row` is the spreadsheet row (the header is row 1); `code` names a message in
 * the admin's faq.import.errors strings, filled with `params`.
 */
export interface CsvProblem {
  row: number | null;
  column: Column | null;
  code: string;
  params?: Record<string, string | number>;
}

export type FaqImportResult =
  | { ok: true; articlesCreated: number; articlesUpdated: number; translations: number }
  | { ok: false; problems: CsvProblem[] };

const text = (max: number) => z.string().trim().max(max, "tooLong");

const rowSchema = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "required")
    .max(FAQ_LIMITS.handle, "tooLong")
    .regex(HANDLE_PATTERN, "handleFormat"),
  locale: z.string().trim().min(1, "required"),
  category: text(FAQ_LIMITS.categoryTitle),
  status: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["", "draft", "published"], { error: "status" })),
  position: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, "position")
    .transform((value) => (value === "" ? null : Number(value))),
  question: text(FAQ_LIMITS.question).min(1, "required"),
  answer_markdown: text(FAQ_LIMITS.answerMarkdown).min(1, "required"),
  keywords: text(FAQ_LIMITS.keywords),
});
type CsvRow = z.infer<typeof rowSchema> & { row: number };

function groupByHandle(rows: CsvRow[]): Map<string, CsvRow[]> {
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) groups.set(row.handle, [...(groups.get(row.handle) ?? []), row]);
  return groups;
}

/**
 * OWASP's rule against CSV injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is a
 * formula to a spreadsheet, so the export prefixes it with `'`, which spreadsheets read as "text follows".
 * Cells already starting with quotes before such a character get one more, so that the import, which takes one
 * off, gives back exactly the merchant's text ("- bullet" and "'=x" alike).
 */
const FORMULA_CELL = /^'*[=+\-@\t\r]/;

export function toSpreadsheetCell(text: string): string {
  return FORMULA_CELL.test(text) ? `'${text}` : text;
}

export function fromSpreadsheetCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_CELL.test(cell) ? cell.slice(1) : cell;
}

/** Problems past this many are summarised: a merchant fixes a file a screenful at a time. */
const MAX_PROBLEMS = 100;

function readRecords(csv: string): { records: Record<string, string>[]; header: string[] } | CsvProblem {
  let header: string[] = [];
  try {
    const records = parse(csv, {
      bom: true,
      columns: (names: string[]) => {
        header = names.map((name) => name.trim().toLowerCase());
        return header;
      },
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as Record<string, string>[];
    return { records, header };
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    return {
      row: typeof lines === "number" ? lines : null,
      column: null,
      code: "unreadable",
      params: { detail: error instanceof Error ? error.message.split("\n")[0]! : String(error) },
    };
  }
}

/**
 * Checks every row of the file. Returns the rows ready to write, or every problem found (up to a limit).
 * `existingHandles` are the shop's articles: a new article needs a row in the primary locale.
 */
export function validateFaqCsv(
  csv: string,
  locales: FaqLocale[],
  existingHandles: Set<string>,
): { ok: true; rows: CsvRow[] } | { ok: false; problems: CsvProblem[] } {
  if (Buffer.byteLength(csv, "utf8") > FAQ_CSV_LIMITS.bytes) {
    return { ok: false, problems: [{ row: null, column: null, code: "tooLarge", params: { max: "2 MB" } }] };
  }
  // A file saved in a legacy encoding (Excel's default "CSV" on Windows) decodes with replacement characters.
  if (csv.includes("\uFFFD")) return { ok: false, problems: [{ row: null, column: null, code: "encoding" }] };
  const read = readRecords(csv);
  if ("code" in read) return { ok: false, problems: [read] };
  const missingColumns = FAQ_CSV_COLUMNS.filter((column) => !read.header.includes(column));
  if (missingColumns.length > 0) {
    return {
      ok: false,
      problems: [{ row: 1, column: null, code: "missingColumns", params: { columns: missingColumns.join(", ") } }],
    };
  }
  const numbered = read.records
    .map((record, index) => ({ record, row: index + 2 }))
    .filter(({ record }) => Object.values(record).some((value) => (value ?? "").trim() !== ""));
  if (numbered.length === 0) return { ok: false, problems: [{ row: null, column: null, code: "empty" }] };
  if (numbered.length > FAQ_CSV_LIMITS.rows) {
    return {
      ok: false,
      problems: [
        { row: null, column: null, code: "tooManyRows", params: { max: FAQ_CSV_LIMITS.rows, count: numbered.length } },
      ],
    };
  }

  const problems: CsvProblem[] = [];
  const rows: CsvRow[] = [];
  const shopLocales = new Map(locales.map((locale) => [locale.locale.toLowerCase(), locale.locale]));
  const primary = locales.find((locale) => locale.primary)?.locale ?? "";
  const seen = new Map<string, number>();

  for (const { record, row } of numbered) {
    const cells = Object.fromEntries(
      FAQ_CSV_COLUMNS.map((column) => [column, fromSpreadsheetCell(record[column] ?? "")]),
    );
    const parsed = rowSchema.safeParse(cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ row, column: (issue.path[0] as Column | undefined) ?? null, code: issue.message });
      }
      continue;
    }
    const locale = shopLocales.get(parsed.data.locale.toLowerCase());
    if (!locale) {
      problems.push({
        row,
        column: "locale",
        code: "unknownLocale",
        params: { locale: parsed.data.locale, locales: locales.map((l) => l.locale).join(", ") },
      });
      continue;
    }
    const key = `${parsed.data.handle}\u0000${locale}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      problems.push({ row, column: "handle", code: "duplicateRow", params: { row: firstRow, locale } });
      continue;
    }
    seen.set(key, row);
    rows.push({ ...parsed.data, locale, row });
  }

  // Rows of one article must agree on what belongs to the article rather than to a language.
  const byHandle = groupByHandle(rows);
  for (const [handle, articleRows] of byHandle) {
    for (const column of ["status", "position"] as const) {
      const first = articleRows.find((row) => row[column] !== "" && row[column] !== null);
      for (const row of articleRows) {
        if (first && row !== first && row[column] !== "" && row[column] !== null && row[column] !== first[column]) {
          problems.push({ row: row.row, column, code: "conflict", params: { row: first.row, handle } });
        }
      }
    }
    if (!existingHandles.has(handle) && !articleRows.some((row) => row.locale === primary)) {
      problems.push({
        row: articleRows[0]!.row,
        column: "locale",
        code: "missingPrimary",
        params: { locale: primary },
      });
    }
    if (articleRows.some((row) => row.status === "published")) {
      for (const row of articleRows) {
        if (findReviewPlaceholders(row.question, row.answer_markdown).length > 0) {
          problems.push({ row: row.row, column: "answer_markdown", code: "needsReview" });
        }
      }
    }
  }

  if (problems.length > 0) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    if (problems.length > MAX_PROBLEMS) {
      const more = problems.length - MAX_PROBLEMS;
      return {
        ok: false,
        problems: [
          ...problems.slice(0, MAX_PROBLEMS),
          { row: null, column: null, code: "more", params: { count: more } },
        ],
      };
    }
    return { ok: false, problems };
  }
  return { ok: true, rows };
}

/**
 * Imports a CSV file: updates articles by handle and translations by handle + locale, creates the rest, and
 * creates categories by title. Nothing is written unless every row is valid.
 */
export async function importFaqCsv(
  shop: string,
  csv: string,
  locales: FaqLocale[],
  db: typeof prisma = prisma,
): Promise<FaqImportResult> {
  const existing = await db.faqArticle.findMany({ where: { shop }, select: { handle: true } });
  const validated = validateFaqCsv(csv, locales, new Set(existing.map((article) => article.handle)));
  if (!validated.ok) return validated;
  const primary = locales.find((locale) => locale.primary)?.locale ?? "";

  return db.$transaction(
    async (tx) => {
      const categories = await tx.faqCategory.findMany({ where: { shop }, orderBy: { position: "asc" } });
      const categoryTitles = new Map(categories.map((category) => [category.id, parseTitles(category.titles)]));
      let nextCategoryPosition = (categories.at(-1)?.position ?? -1) + 1;
      const changedCategories = new Set<string>();
      const findCategory = (title: string): string | undefined => {
        const wanted = title.toLowerCase();
        let fallback: string | undefined;
        for (const [id, titles] of categoryTitles) {
          if (titles[primary]?.toLowerCase() === wanted) return id;
          if (!fallback && Object.values(titles).some((value) => value.toLowerCase() === wanted)) fallback = id;
        }
        return fallback;
      };

      const lastArticle = await tx.faqArticle.findFirst({
        where: { shop },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      // Articles without a position go after everything, including the positions this file sets.
      let nextPosition = Math.max(lastArticle?.position ?? -1, ...validated.rows.map((row) => row.position ?? -1)) + 1;
      let articlesCreated = 0;
      let articlesUpdated = 0;
      let translations = 0;

      const groups = groupByHandle(validated.rows);
      // All of the shop's articles in one query: an IN list of every handle would exceed SQLite's parameter limit.
      const currentArticles = new Map(
        (await tx.faqArticle.findMany({ where: { shop } })).map((article) => [article.handle, article]),
      );
      for (const [handle, rows] of groups) {
        const current = currentArticles.get(handle);
        const primaryRow = rows.find((row) => row.locale === primary);
        const status = rows.find((row) => row.status !== "")?.status || current?.status || "draft";
        const position = rows.find((row) => row.position !== null)?.position ?? current?.position ?? nextPosition++;

        let categoryId = current?.categoryId ?? null;
        if (primaryRow) {
          categoryId = null;
          if (primaryRow.category) {
            categoryId = findCategory(primaryRow.category) ?? null;
            if (!categoryId) {
              const created = await tx.faqCategory.create({
                data: {
                  shop,
                  position: nextCategoryPosition++,
                  titles: JSON.stringify({ [primary]: primaryRow.category }),
                },
              });
              categoryId = created.id;
              categoryTitles.set(created.id, { [primary]: primaryRow.category });
            }
          }
        }
        // A translated category title fills that language's title when the category has none yet.
        if (categoryId) {
          const titles = categoryTitles.get(categoryId)!;
          for (const row of rows) {
            if (row.category && !titles[row.locale]) {
              titles[row.locale] = row.category;
              changedCategories.add(categoryId);
            }
          }
        }

        const data = { status, position, categoryId };
        const article = current
          ? await tx.faqArticle.update({ where: { id: current.id }, data })
          : await tx.faqArticle.create({ data: { shop, handle, ...data } });
        if (current) articlesUpdated++;
        else articlesCreated++;
        for (const row of rows) {
          await upsertTranslation(
            {
              shop,
              articleId: article.id,
              locale: row.locale,
              translation: { question: row.question, answerMarkdown: row.answer_markdown, keywords: row.keywords },
            },
            tx,
          );
          translations++;
        }
      }
      for (const id of changedCategories) {
        await tx.faqCategory.update({ where: { id }, data: { titles: JSON.stringify(categoryTitles.get(id)) } });
      }
      return { ok: true as const, articlesCreated, articlesUpdated, translations };
    },
    // A large file on SQLite is a few thousand statements; the default 5 s is too tight for that.
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The shop's FAQ in the import format, articles in storefront order, the primary locale first. */
export async function exportFaqCsv(shop: string, locales: FaqLocale[], db: typeof prisma = prisma): Promise<string> {
  const localeOrder = new Map(locales.map((locale, index) => [locale.locale, locale.primary ? -1 : index]));
  const articles = await db.faqArticle.findMany({
    where: { shop },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { category: { select: { titles: true } }, translations: true },
  });
  const records = articles.flatMap((article) => {
    const titles = article.category ? parseTitles(article.category.titles) : {};
    // Only the shop's languages: the file must import back as it is.
    return article.translations
      .filter((translation) => localeOrder.has(translation.locale))
      .sort(
        (a, b) =>
          (localeOrder.get(a.locale) ?? Number.MAX_SAFE_INTEGER) -
            (localeOrder.get(b.locale) ?? Number.MAX_SAFE_INTEGER) || a.locale.localeCompare(b.locale),
      )
      .map((translation) => ({
        handle: article.handle,
        locale: translation.locale,
        category: toSpreadsheetCell(titles[translation.locale] ?? ""),
        status: article.status,
        position: String(article.position),
        question: toSpreadsheetCell(translation.question),
        answer_markdown: toSpreadsheetCell(translation.answerMarkdown),
        keywords: toSpreadsheetCell(translation.keywords),
      }));
  });
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (accents, non-Latin scripts).
  return "\uFEFF" + stringify(records, { header: true, columns: [...FAQ_CSV_COLUMNS] });
}
