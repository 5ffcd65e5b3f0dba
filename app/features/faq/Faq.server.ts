import type { Prisma } from "@prisma/client";
import { z } from "zod";

import prisma from "../../db.server";
import { isUniqueViolation, type Db } from "../../db-types.server";
import { env } from "../../env.server";
import { renderMarkdown } from "../../platform/render-markdown.server";
import { FAQ_LIMITS, FAQ_STATUSES, HANDLE_PATTERN, findReviewPlaceholders, type FaqStatus } from "./Faq.shared";

/**
 * The FAQ knowledge base: categories (a title per shop locale, ordered) and articles (a question and a
 * Markdown answer per shop locale, keywords, draft or published, ordered). Every query is scoped by shop.
 */

export { FAQ_LIMITS, FAQ_STATUSES, HANDLE_PATTERN, findReviewPlaceholders, type FaqStatus } from "./Faq.shared";

/** A locale the shop publishes content in, as getShopLocales reports it. */
export interface FaqLocale {
  locale: string;
  primary: boolean;
}

export interface FaqTranslationInput {
  question: string;
  answerMarkdown: string;
  keywords: string;
}

export interface FaqArticleInput {
  handle: string;
  status: FaqStatus;
  categoryId: string | null;
  position: number | null;
  /** By locale. A locale of the shop missing here has no translation (an existing one is removed). */
  translations: Record<string, FaqTranslationInput>;
}

/** Errors a merchant can fix, keyed by form field (`handle`, `translations.fr.question`, …). */
export type FieldErrors = Record<string, string>;

export type SaveResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

// ---- Handles ----

/** A URL-safe handle from a question: "Where is my order?" → "where-is-my-order". */
export function handleFromText(text: string): string {
  const handle = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return handle || "article";
}

async function availableHandle(shop: string, base: string, db: Db): Promise<string> {
  const taken = new Set(
    (
      await db.faqArticle.findMany({
        where: { shop, handle: { startsWith: base } },
        select: { handle: true },
      })
    ).map((article) => article.handle),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// ---- Validation of the article form ----

function translationFieldErrors(locale: FaqLocale, input: FaqTranslationInput | undefined): FieldErrors {
  const errors: FieldErrors = {};
  const prefix = `translations.${locale.locale}`;
  const question = input?.question.trim() ?? "";
  const answer = input?.answerMarkdown.trim() ?? "";
  if (locale.primary || question || answer || input?.keywords.trim()) {
    if (!question) errors[`${prefix}.question`] = "required";
    if (!answer) errors[`${prefix}.answerMarkdown`] = "required";
  }
  if (question.length > FAQ_LIMITS.question) errors[`${prefix}.question`] = "tooLong";
  if (answer.length > FAQ_LIMITS.answerMarkdown) errors[`${prefix}.answerMarkdown`] = "tooLong";
  if ((input?.keywords.length ?? 0) > FAQ_LIMITS.keywords) errors[`${prefix}.keywords`] = "tooLong";
  return errors;
}

/**
 * The article form as the admin posts it: `status`, `categoryId`, `handle`, `position`, and
 * `translations.<locale>.question|answerMarkdown|keywords` for each shop locale. Error values are message
 * keys (`required`, `tooLong`, `handleFormat`, `needsReview`, `unknownCategory`, `handleTaken`).
 */
export const articleFormSchema = z.object({
  status: z.enum(FAQ_STATUSES).catch("draft"),
  categoryId: z
    .string()
    .trim()
    .transform((value) => value || null),
  handle: z.string().trim().toLowerCase().default(""),
  position: z
    .string()
    .trim()
    .default("")
    .transform((value) => (value === "" ? null : Number(value))),
});

export function parseArticleForm(
  form: Record<string, string>,
  locales: FaqLocale[],
): { ok: true; value: FaqArticleInput } | { ok: false; fieldErrors: FieldErrors } {
  const base = articleFormSchema.parse({
    status: form.status ?? "draft",
    categoryId: form.categoryId ?? "",
    handle: form.handle ?? "",
    position: form.position ?? "",
  });
  const fieldErrors: FieldErrors = {};
  if (base.handle && (!HANDLE_PATTERN.test(base.handle) || base.handle.length > FAQ_LIMITS.handle)) {
    fieldErrors.handle = "handleFormat";
  }
  if (base.position !== null && (!Number.isInteger(base.position) || base.position < 0 || base.position > 1e6)) {
    fieldErrors.position = "position";
  }
  const translations: Record<string, FaqTranslationInput> = {};
  for (const locale of locales) {
    const prefix = `translations.${locale.locale}`;
    const input = {
      question: (form[`${prefix}.question`] ?? "").trim(),
      answerMarkdown: (form[`${prefix}.answerMarkdown`] ?? "").trim(),
      keywords: (form[`${prefix}.keywords`] ?? "").trim(),
    };
    Object.assign(fieldErrors, translationFieldErrors(locale, input));
    if (input.question || input.answerMarkdown) translations[locale.locale] = input;
  }
  if (base.status === "published") {
    for (const [locale, translation] of Object.entries(translations)) {
      if (findReviewPlaceholders(translation.answerMarkdown).length > 0) {
        fieldErrors[`translations.${locale}.answerMarkdown`] ??= "needsReview";
      }
      if (findReviewPlaceholders(translation.question).length > 0) {
        fieldErrors[`translations.${locale}.question`] ??= "needsReview";
      }
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, value: { ...base, translations } };
}

// ---- Categories ----

export interface FaqCategoryView {
  id: string;
  position: number;
  titles: Record<string, string>;
  articleCount: number;
}

const titlesSchema = z.record(z.string(), z.string()).catch({});

export function parseTitles(json: string): Record<string, string> {
  try {
    return titlesSchema.parse(JSON.parse(json));
  } catch {
    return {};
  }
}

/** A category's title in a locale, falling back to the primary locale, then to any title it has. */
export function categoryTitle(titles: Record<string, string>, locale: string, primaryLocale?: string): string {
  return titles[locale] || (primaryLocale ? titles[primaryLocale] : "") || Object.values(titles).find(Boolean) || "";
}

export async function listCategories(shop: string, db: Db = prisma): Promise<FaqCategoryView[]> {
  const categories = await db.faqCategory.findMany({
    where: { shop },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: { _count: { select: { articles: true } } },
  });
  return categories.map((category) => ({
    id: category.id,
    position: category.position,
    titles: parseTitles(category.titles),
    articleCount: category._count.articles,
  }));
}

export interface FaqCategoryInput {
  /** Absent for a new category. */
  id?: string;
  titles: Record<string, string>;
}

/**
 * Validates the whole category list as the merchant edits it (order = position). A title in the primary
 * locale is required; error keys are `categories.<index>.<locale>`.
 */
export function validateCategories(categories: FaqCategoryInput[], locales: FaqLocale[]): FieldErrors {
  const errors: FieldErrors = {};
  if (categories.length > FAQ_LIMITS.categories) errors.categories = "tooManyCategories";
  const seen = new Map<string, number>();
  categories.forEach((category, index) => {
    for (const locale of locales) {
      const title = category.titles[locale.locale]?.trim() ?? "";
      if (locale.primary && !title) errors[`categories.${index}.${locale.locale}`] = "required";
      if (title.length > FAQ_LIMITS.categoryTitle) errors[`categories.${index}.${locale.locale}`] = "tooLong";
      if (locale.primary && title) {
        const key = title.toLowerCase();
        if (seen.has(key)) errors[`categories.${index}.${locale.locale}`] = "duplicateCategory";
        seen.set(key, index);
      }
    }
  });
  return errors;
}

/**
 * Replaces the shop's category list: updates the listed categories, creates those without an id, deletes
 * the others (their articles stay, without a category). Titles of locales not in `locales` are kept.
 */
export async function saveCategories(
  shop: string,
  categories: FaqCategoryInput[],
  locales: FaqLocale[],
  db: typeof prisma = prisma,
): Promise<SaveResult<FaqCategoryView[]>> {
  const fieldErrors = validateCategories(categories, locales);
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  await db.$transaction(async (tx) => {
    const existing = await tx.faqCategory.findMany({ where: { shop } });
    const byId = new Map(existing.map((category) => [category.id, category]));
    const kept = new Set<string>();
    for (const [position, category] of categories.entries()) {
      const current = category.id ? byId.get(category.id) : undefined;
      const titles = current ? parseTitles(current.titles) : {};
      for (const locale of locales) {
        const title = category.titles[locale.locale]?.trim() ?? "";
        if (title) titles[locale.locale] = title;
        else delete titles[locale.locale];
      }
      if (current) {
        kept.add(current.id);
        await tx.faqCategory.update({ where: { id: current.id }, data: { position, titles: JSON.stringify(titles) } });
      } else {
        await tx.faqCategory.create({ data: { shop, position, titles: JSON.stringify(titles) } });
      }
    }
    const removed = existing.filter((category) => !kept.has(category.id)).map((category) => category.id);
    if (removed.length > 0) await tx.faqCategory.deleteMany({ where: { shop, id: { in: removed } } });
  });
  return { ok: true, value: await listCategories(shop, db) };
}

// ---- Articles ----

export interface FaqArticleDetail {
  id: string;
  handle: string;
  status: FaqStatus;
  position: number;
  categoryId: string | null;
  updatedAt: string;
  translations: Record<string, FaqTranslationInput & { answerHtml: string }>;
}

function asStatus(value: string): FaqStatus {
  return value === "published" ? "published" : "draft";
}

export async function getArticle(shop: string, id: string, db: Db = prisma): Promise<FaqArticleDetail | null> {
  const article = await db.faqArticle.findFirst({ where: { shop, id }, include: { translations: true } });
  if (!article) return null;
  return {
    id: article.id,
    handle: article.handle,
    status: asStatus(article.status),
    position: article.position,
    categoryId: article.categoryId,
    updatedAt: article.updatedAt.toISOString(),
    translations: Object.fromEntries(
      article.translations.map((translation) => [
        translation.locale,
        {
          question: translation.question,
          answerMarkdown: translation.answerMarkdown,
          answerHtml: translation.answerHtml,
          keywords: translation.keywords,
        },
      ]),
    ),
  };
}

async function nextPosition(shop: string, db: Db): Promise<number> {
  const last = await db.faqArticle.findFirst({
    where: { shop },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return last ? last.position + 1 : 0;
}

/** Writes one translation; the stored HTML is always rendered (and sanitized) from the Markdown here. */
export async function upsertTranslation(
  {
    shop,
    articleId,
    locale,
    translation,
  }: { shop: string; articleId: string; locale: string; translation: FaqTranslationInput },
  db: Db,
) {
  const data = {
    question: translation.question.trim(),
    answerMarkdown: translation.answerMarkdown.trim(),
    answerHtml: renderMarkdown(translation.answerMarkdown.trim()),
    keywords: translation.keywords.trim(),
  };
  await db.faqArticleTranslation.upsert({
    where: { articleId_locale: { articleId, locale } },
    create: { articleId, shop, locale, ...data },
    update: data,
  });
}

/**
 * Creates (id = null) or updates an article and its translations in one transaction. Translations of the
 * given locales that the input leaves out are removed; those of other locales (a language the shop no
 * longer publishes) are kept.
 */
export async function saveArticle(
  shop: string,
  id: string | null,
  input: FaqArticleInput,
  locales: FaqLocale[],
  db: typeof prisma = prisma,
): Promise<SaveResult<{ id: string; handle: string }>> {
  try {
    return await db.$transaction(async (tx): Promise<SaveResult<{ id: string; handle: string }>> => {
      if (input.categoryId) {
        const category = await tx.faqCategory.findFirst({
          where: { shop, id: input.categoryId },
          select: { id: true },
        });
        if (!category) return { ok: false, fieldErrors: { categoryId: "unknownCategory" } };
      }
      const current = id ? await tx.faqArticle.findFirst({ where: { shop, id } }) : null;
      if (id && !current) return { ok: false, fieldErrors: { form: "notFound" } };
      const primary = locales.find((locale) => locale.primary)?.locale ?? Object.keys(input.translations)[0] ?? "";
      let handle = input.handle;
      if (!handle) {
        handle =
          current?.handle ??
          (await availableHandle(shop, handleFromText(input.translations[primary]?.question ?? ""), tx));
      } else {
        const clash = await tx.faqArticle.findFirst({
          where: { shop, handle, ...(current ? { id: { not: current.id } } : {}) },
          select: { id: true },
        });
        if (clash) return { ok: false, fieldErrors: { handle: "handleTaken" } };
      }
      const data = {
        handle,
        status: input.status,
        categoryId: input.categoryId,
        position: input.position ?? current?.position ?? (await nextPosition(shop, tx)),
      };
      const article = current
        ? await tx.faqArticle.update({ where: { id: current.id }, data })
        : await tx.faqArticle.create({ data: { shop, ...data } });
      for (const [locale, translation] of Object.entries(input.translations)) {
        await upsertTranslation({ shop, articleId: article.id, locale, translation }, tx);
      }
      const cleared = locales.map((locale) => locale.locale).filter((locale) => !input.translations[locale]);
      if (cleared.length > 0) {
        await tx.faqArticleTranslation.deleteMany({ where: { shop, articleId: article.id, locale: { in: cleared } } });
      }
      return { ok: true, value: { id: article.id, handle: article.handle } };
    });
  } catch (error) {
    // Two saves raced for the same handle.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { handle: "handleTaken" } };
    throw error;
  }
}

export async function deleteArticles(shop: string, ids: string[], db: Db = prisma): Promise<number> {
  if (ids.length === 0) return 0;
  return (await db.faqArticle.deleteMany({ where: { shop, id: { in: ids } } })).count;
}

export interface StatusChange {
  changed: number;
  /** Articles left as drafts because they still hold `[Review: …]` placeholders. */
  needsReview: number;
}

/** Publishes or unpublishes articles; an article still holding review placeholders is not published. */
export async function setArticlesStatus(
  shop: string,
  ids: string[],
  status: FaqStatus,
  db: Db = prisma,
): Promise<StatusChange> {
  if (ids.length === 0) return { changed: 0, needsReview: 0 };
  let allowed = ids;
  let needsReview = 0;
  if (status === "published") {
    const articles = await db.faqArticle.findMany({
      where: { shop, id: { in: ids } },
      select: { id: true, translations: { select: { question: true, answerMarkdown: true } } },
    });
    const blocked = new Set(
      articles
        .filter((article) =>
          article.translations.some((t) => findReviewPlaceholders(t.question, t.answerMarkdown).length > 0),
        )
        .map((article) => article.id),
    );
    needsReview = blocked.size;
    allowed = articles.map((article) => article.id).filter((articleId) => !blocked.has(articleId));
  }
  const { count } = await db.faqArticle.updateMany({
    where: { shop, id: { in: allowed }, status: { not: status } },
    data: { status },
  });
  return { changed: count, needsReview };
}

/** Swaps an article with its neighbour in the shop's order. */
export async function moveArticle(
  shop: string,
  id: string,
  direction: "up" | "down",
  db: typeof prisma = prisma,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const ordered = await tx.faqArticle.findMany({
      where: { shop },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    const index = ordered.findIndex((article) => article.id === id);
    const neighbourIndex = direction === "up" ? index - 1 : index + 1;
    if (index < 0 || neighbourIndex < 0 || neighbourIndex >= ordered.length) return false;
    // Renumber so equal positions (imports, old rows) cannot make a swap a no-op.
    const [moved] = ordered.splice(index, 1);
    ordered.splice(neighbourIndex, 0, moved!);
    for (const [position, article] of ordered.entries()) {
      if (article.position !== position) {
        await tx.faqArticle.update({ where: { id: article.id }, data: { position } });
      }
    }
    return true;
  });
}

// ---- The list ----

export const listFiltersSchema = z.object({
  query: z.string().trim().max(200).catch(""),
  status: z.enum(["all", ...FAQ_STATUSES]).catch("all"),
  /** A category id, "none" (no category) or "all". */
  category: z.string().trim().max(100).catch("all"),
  /** Articles without a translation in this locale, or "" for all. */
  missingLocale: z.string().trim().max(20).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type FaqListFilters = z.infer<typeof listFiltersSchema>;

export interface FaqListItem {
  id: string;
  handle: string;
  status: FaqStatus;
  position: number;
  question: string;
  categoryId: string | null;
  categoryTitle: string;
  locales: string[];
  missingLocales: string[];
  needsReview: boolean;
  updatedAt: string;
}

export interface FaqListPage {
  items: FaqListItem[];
  total: number;
  page: number;
  pageCount: number;
}

// PostgreSQL compares case-sensitively unless asked; SQLite's LIKE already ignores ASCII case and has no `mode`.
const CASE_INSENSITIVE: object = /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? { mode: "insensitive" } : {};

function listWhere(shop: string, filters: FaqListFilters): Prisma.FaqArticleWhereInput {
  const where: Prisma.FaqArticleWhereInput = { shop };
  if (filters.status !== "all") where.status = filters.status;
  if (filters.category === "none") where.categoryId = null;
  else if (filters.category !== "all") where.categoryId = filters.category;
  const and: Prisma.FaqArticleWhereInput[] = [];
  if (filters.missingLocale) and.push({ translations: { none: { locale: filters.missingLocale } } });
  // LIKE treats % and _ as wildcards and Prisma passes them through; searching for the text around them
  // keeps a query such as "100% refund" meaningful on both databases without raw SQL.
  const fragments = filters.query.split(/[%_]+/).filter((fragment) => fragment.trim() !== "");
  for (const fragment of fragments) {
    const contains = { contains: fragment, ...CASE_INSENSITIVE };
    and.push({
      OR: [{ handle: contains }, { translations: { some: { OR: [{ question: contains }, { keywords: contains }] } } }],
    });
  }
  if (and.length > 0) where.AND = and;
  return where;
}

/** One page of the shop's articles in storefront order, filtered and searched in the database. */
export async function listArticles(
  shop: string,
  filters: FaqListFilters,
  locales: FaqLocale[],
  db: Db = prisma,
): Promise<FaqListPage> {
  const pageSize = FAQ_LIMITS.pageSize;
  const where = listWhere(shop, filters);
  const total = await db.faqArticle.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  const articles = await db.faqArticle.findMany({
    where,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    include: {
      category: { select: { titles: true } },
      translations: { select: { locale: true, question: true, answerMarkdown: true } },
    },
  });
  const primary = locales.find((locale) => locale.primary)?.locale ?? "";
  return {
    total,
    page,
    pageCount,
    items: articles.map((article) => {
      const present = article.translations.map((translation) => translation.locale);
      const main =
        article.translations.find((translation) => translation.locale === primary) ?? article.translations[0];
      return {
        id: article.id,
        handle: article.handle,
        status: asStatus(article.status),
        position: article.position,
        question: main?.question ?? article.handle,
        categoryId: article.categoryId,
        categoryTitle: article.category ? categoryTitle(parseTitles(article.category.titles), primary) : "",
        locales: present,
        missingLocales: locales.map((locale) => locale.locale).filter((locale) => !present.includes(locale)),
        needsReview: article.translations.some(
          (translation) => findReviewPlaceholders(translation.question, translation.answerMarkdown).length > 0,
        ),
        updatedAt: article.updatedAt.toISOString(),
      };
    }),
  };
}

export async function countArticles(shop: string, db: Db = prisma): Promise<number> {
  return db.faqArticle.count({ where: { shop } });
}

/** Articles still holding `[Review: …]` placeholders (starter articles the merchant has not adjusted). */
export async function countArticlesNeedingReview(shop: string, db: Db = prisma): Promise<number> {
  const marker = { contains: "[Review:" };
  return db.faqArticle.count({
    where: { shop, translations: { some: { OR: [{ answerMarkdown: marker }, { question: marker }] } } },
  });
}

/** For the home checklist: how many articles shoppers can read. */
export async function countPublishedArticles(shop: string, db: Db = prisma): Promise<number> {
  return db.faqArticle.count({ where: { shop, status: "published" } });
}

/** shop/redact: the FAQ holds the merchant's content only, no shopper data. */
export async function deleteShopFaq(shop: string, db: Db): Promise<number> {
  const translations = await db.faqArticleTranslation.deleteMany({ where: { shop } });
  const articles = await db.faqArticle.deleteMany({ where: { shop } });
  const categories = await db.faqCategory.deleteMany({ where: { shop } });
  return translations.count + articles.count + categories.count;
}
