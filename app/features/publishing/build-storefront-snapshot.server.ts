import { createHash } from "node:crypto";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { getBranding, type BrandingDocument } from "../branding/Branding.server";
import { sanitizeStorefrontHtml, renderMarkdown } from "../../platform/render-markdown.server";

/**
 * What shoppers see, as the theme block reads it (docs/storefront-snapshot.md, the contract): one small
 * settings value (`resolve.portal`) and one content value per shop locale (`resolve.content_<locale>`), built
 * from the database. Building does not talk to Shopify, so the admin's preview and the publisher share it.
 */

export const SNAPSHOT_VERSION = 2;
export const SNAPSHOT_NAMESPACE = "resolve";
export const PORTAL_KEY = "portal";
export const CONTENT_KEY_PREFIX = "content_";
export const contentKey = (locale: string) => `${CONTENT_KEY_PREFIX}${locale}`;

/*
 * Shopify's limits for app-data metafields (shopify.dev metafield limits; the changelog "JSON metafield values
 * limited to 128KB", API 2026-04+): a `json` value holds at most 128 KB of UTF-8, and one `metafieldsSet` call
 * sets at most 25 metafields. The emulator enforces the same numbers on its side.
 */
export const JSON_VALUE_MAX_BYTES = 128 * 1024;
export const METAFIELDS_PER_SET_CALL = 25;

export interface SnapshotLocale {
  locale: string;
  name: string;
  primary: boolean;
}

export interface PortalSettings {
  version: typeof SNAPSHOT_VERSION;
  /** Digest of this snapshot: tells the publisher whether what is live is what the database says. */
  hash: string;
  defaultLocale: string;
  locales: string[];
  branding: {
    accentColor: string;
    textOnAccentColor: string;
    radius: number;
    density: BrandingDocument["density"];
    modules: BrandingDocument["modules"];
  };
  contact: BrandingDocument["contact"];
}

export interface SnapshotCategory {
  id: string;
  title: string;
  /** Set when the title is the default locale's, shown for want of a translation. */
  lang?: string;
}

export interface SnapshotArticle {
  id: string;
  categoryId: string | null;
  question: string;
  answerHtml: string;
  keywords: string;
  lang?: string;
}

export interface LocaleContent {
  heading?: string;
  intro?: string;
  policyHtml?: string;
  policyLang?: string;
  returnWindowDays?: number;
  /** What the window counts from: the delivery date (the default) or the shipping (fulfillment) date. */
  returnWindowStart?: "delivery" | "fulfillment";
  categories: SnapshotCategory[];
  faq: SnapshotArticle[];
}

export interface SnapshotValue {
  key: string;
  /** null for the settings value. */
  locale: string | null;
  value: string;
  /** UTF-8 bytes of `value`, the unit of Shopify's limit. */
  bytes: number;
}

export interface StorefrontSnapshot {
  hash: string;
  portal: PortalSettings;
  content: Record<string, LocaleContent>;
  /** Every metafield value of the snapshot, settings first. */
  values: SnapshotValue[];
}

// ---- The return policy, read defensively ----

export interface PolicyForShoppers {
  windowDays: number | null;
  windowStart: "delivery" | "fulfillment" | null;
  /** Markdown (or HTML) by locale. */
  textByLocale: Record<string, string>;
}

const POLICY_TEXT_KEYS = ["shopperText", "policyText", "policyTexts", "texts", "text", "summary"];
const TEXT_FIELDS = ["markdown", "text", "body", "html"];

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function positiveDays(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 3650 ? value : null;
}

/**
 * The return window and the shopper-facing text per locale from `ReturnPolicy.document`, whose shape the
 * policy model owns and may grow. Anything unreadable is left out rather than failing a publish: a shop
 * with a broken policy row still gets its FAQ and branding on the storefront.
 */
export function readPolicyForShoppers(documentJson: string | null | undefined): PolicyForShoppers {
  const empty: PolicyForShoppers = { windowDays: null, windowStart: null, textByLocale: {} };
  if (!documentJson) return empty;
  let parsed: unknown;
  try {
    parsed = JSON.parse(documentJson);
  } catch {
    return empty;
  }
  const document = asRecord(parsed);
  if (!document) return empty;
  const window = asRecord(document.window) ?? asRecord(document.returnWindow);
  const windowDays =
    positiveDays(document.windowDays) ??
    positiveDays(document.returnWindowDays) ??
    positiveDays(window?.days) ??
    positiveDays(document.window);
  const start = document.windowStartsAt ?? window?.startsAt;
  const windowStart = start === "delivery" || start === "fulfillment" ? start : null;
  const textByLocale: Record<string, string> = {};
  for (const key of POLICY_TEXT_KEYS) {
    const byLocale = asRecord(document[key]);
    if (!byLocale) continue;
    for (const [locale, entry] of Object.entries(byLocale)) {
      const field = asRecord(entry);
      const text =
        typeof entry === "string"
          ? entry
          : TEXT_FIELDS.map((name) => field?.[name]).find((value): value is string => typeof value === "string");
      if (text?.trim() && !(locale in textByLocale)) textByLocale[locale] = text;
    }
  }
  return { windowDays, windowStart, textByLocale };
}

// ---- Building ----

function parseTitles(json: string): Record<string, string> {
  try {
    const parsed = asRecord(JSON.parse(json));
    if (!parsed) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}

/** Plain text for a field Liquid escapes: no control characters, trimmed. */
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim();
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

export interface BuildSnapshotOptions {
  /** Unsaved branding (the admin's live preview); the saved document otherwise. */
  branding?: BrandingDocument;
  db?: Db;
}

/**
 * Builds the snapshot for the shop's locales (primary first or flagged `primary`). Content of a locale that
 * lacks a translation falls back to the primary locale's, marked with `lang` so the block sets the right
 * language for screen readers; every HTML value is sanitized again here, whoever stored it.
 */
export async function buildStorefrontSnapshot(
  shop: string,
  locales: SnapshotLocale[],
  options: BuildSnapshotOptions = {},
): Promise<StorefrontSnapshot> {
  const db = options.db ?? prisma;
  const primary = locales.find((locale) => locale.primary)?.locale ?? locales[0]?.locale ?? "en";
  const localeCodes = [primary, ...locales.map((locale) => locale.locale).filter((code) => code !== primary)];

  const [branding, policyRow, categories, articles] = await Promise.all([
    options.branding ? Promise.resolve(options.branding) : getBranding(shop, db).then((stored) => stored.document),
    db.returnPolicy.findUnique({ where: { shop }, select: { document: true } }),
    db.faqCategory.findMany({
      where: { shop },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, titles: true },
    }),
    db.faqArticle.findMany({
      where: { shop, status: "published" },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        handle: true,
        categoryId: true,
        translations: { select: { locale: true, question: true, answerHtml: true, keywords: true } },
      },
    }),
  ]);
  const policy = readPolicyForShoppers(policyRow?.document);
  const categoryOrder = new Map(categories.map((category, index) => [category.id, index]));
  // Grouped by category in the merchant's category order; uncategorised questions last.
  const orderedArticles = [...articles].sort(
    (a, b) =>
      (a.categoryId === null ? Infinity : (categoryOrder.get(a.categoryId) ?? Infinity)) -
      (b.categoryId === null ? Infinity : (categoryOrder.get(b.categoryId) ?? Infinity)),
  );

  const content: Record<string, LocaleContent> = {};
  for (const locale of localeCodes) {
    const texts = branding.texts[locale];
    const localeContent: LocaleContent = { categories: [], faq: [] };
    if (texts?.heading.trim()) localeContent.heading = plain(texts.heading);
    if (texts?.intro.trim()) localeContent.intro = plain(texts.intro);

    const policyText = policy.textByLocale[locale] ?? policy.textByLocale[primary];
    if (policyText) {
      const html = renderMarkdown(policyText);
      if (html.trim()) {
        localeContent.policyHtml = html;
        if (!policy.textByLocale[locale]) localeContent.policyLang = primary;
      }
    }
    if (policy.windowDays !== null) {
      localeContent.returnWindowDays = policy.windowDays;
      if (policy.windowStart) localeContent.returnWindowStart = policy.windowStart;
    }

    const usedCategories = new Set<string>();
    for (const article of orderedArticles) {
      const translation =
        article.translations.find((t) => t.locale === locale) ?? article.translations.find((t) => t.locale === primary);
      if (!translation?.question.trim()) continue;
      const answerHtml = sanitizeStorefrontHtml(translation.answerHtml);
      const entry: SnapshotArticle = {
        id: article.handle,
        categoryId: article.categoryId !== null && categoryOrder.has(article.categoryId) ? article.categoryId : null,
        question: plain(translation.question),
        answerHtml,
        keywords: plain(translation.keywords),
      };
      if (translation.locale !== locale) entry.lang = translation.locale;
      if (entry.categoryId) usedCategories.add(entry.categoryId);
      localeContent.faq.push(entry);
    }
    for (const category of categories) {
      if (!usedCategories.has(category.id)) continue;
      const titles = parseTitles(category.titles);
      const own = titles[locale]?.trim();
      const fallback = titles[primary]?.trim() || Object.values(titles).find((title) => title.trim()) || "";
      const entry: SnapshotCategory = { id: category.id, title: plain(own || fallback) };
      if (!own && titles[primary]?.trim()) entry.lang = primary;
      localeContent.categories.push(entry);
    }
    content[locale] = localeContent;
  }

  const settings: Omit<PortalSettings, "hash"> = {
    version: SNAPSHOT_VERSION,
    defaultLocale: primary,
    locales: localeCodes,
    branding: {
      accentColor: branding.accentColor,
      textOnAccentColor: branding.textOnAccentColor,
      radius: branding.radius,
      density: branding.density,
      modules: branding.modules,
    },
    contact: branding.contact,
  };
  const hash = hashOf({ settings, content });
  const portal: PortalSettings = { ...settings, hash };
  const values: SnapshotValue[] = [
    { key: PORTAL_KEY, locale: null, value: JSON.stringify(portal) },
    ...localeCodes.map((locale) => ({ key: contentKey(locale), locale, value: JSON.stringify(content[locale]) })),
  ].map((entry) => ({ ...entry, bytes: Buffer.byteLength(entry.value, "utf8") }));
  return { hash, portal, content, values };
}

export type SnapshotLimitProblem =
  | { kind: "tooLarge"; over: { key: string; locale: string | null; bytes: number }[]; maxBytes: number }
  | { kind: "tooManyLocales"; count: number; maxLocales: number };

/** What keeps the snapshot from going to Shopify in one call, if anything (every value over the limit). */
export function findSnapshotLimitProblem(snapshot: StorefrontSnapshot): SnapshotLimitProblem | null {
  const over = snapshot.values
    .filter((value) => value.bytes > JSON_VALUE_MAX_BYTES)
    .map(({ key, locale, bytes }) => ({ key, locale, bytes }));
  if (over.length > 0) return { kind: "tooLarge", over, maxBytes: JSON_VALUE_MAX_BYTES };
  if (snapshot.values.length > METAFIELDS_PER_SET_CALL) {
    return { kind: "tooManyLocales", count: snapshot.values.length - 1, maxLocales: METAFIELDS_PER_SET_CALL - 1 };
  }
  return null;
}
