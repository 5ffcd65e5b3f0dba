import type { FaqArticleDetail, FaqLocale } from "../../features/faq/Faq.server";
import { findReviewPlaceholders } from "../../features/faq/Faq.shared";
import { adminText } from "../../i18n";

/**
 * The article editor's form state and its conversions: the stored article (or none, for a new one) and the shop's
 * languages → the draft the merchant edits → the flat fields `parseArticleForm` validates on the server.
 */

const errorText = adminText.faq.fieldErrors;

export interface TranslationDraft {
  question: string;
  answerMarkdown: string;
  keywords: string;
}

export interface ArticleDraft {
  status: string;
  categoryId: string;
  handle: string;
  /** As typed: empty keeps the article's place. */
  position: string;
  /** One per shop language, written or not. */
  translations: Record<string, TranslationDraft>;
}

export const EMPTY_TRANSLATION: TranslationDraft = { question: "", answerMarkdown: "", keywords: "" };

export function draftFromArticle(article: FaqArticleDetail | null, locales: FaqLocale[]): ArticleDraft {
  return {
    status: article?.status ?? "draft",
    categoryId: article?.categoryId ?? "",
    handle: article?.handle ?? "",
    position: article ? String(article.position) : "",
    translations: Object.fromEntries(
      locales.map(({ locale }) => {
        const stored = article?.translations[locale];
        const translation = stored
          ? { question: stored.question, answerMarkdown: stored.answerMarkdown, keywords: stored.keywords }
          : EMPTY_TRANSLATION;
        return [locale, translation];
      }),
    ),
  };
}

/** The fields the server reads: `status`, `categoryId`, `handle`, `position`, `translations.<locale>.<field>`. */
export function articleFormFields(draft: ArticleDraft): Record<string, string> {
  const fields: Record<string, string> = {
    status: draft.status,
    categoryId: draft.categoryId,
    handle: draft.handle,
    position: draft.position,
  };
  for (const [locale, translation] of Object.entries(draft.translations)) {
    fields[`translations.${locale}.question`] = translation.question;
    fields[`translations.${locale}.answerMarkdown`] = translation.answerMarkdown;
    fields[`translations.${locale}.keywords`] = translation.keywords;
  }
  return fields;
}

/** A new article has something to lose once any language has text (settings alone are not worth asking about). */
export function hasContent(draft: ArticleDraft): boolean {
  return Object.values(draft.translations).some(
    (translation) => translation.question.trim() || translation.answerMarkdown.trim() || translation.keywords.trim(),
  );
}

export function withTranslation(draft: ArticleDraft, locale: string, patch: Partial<TranslationDraft>): ArticleDraft {
  const translation = { ...(draft.translations[locale] ?? EMPTY_TRANSLATION), ...patch };
  return { ...draft, translations: { ...draft.translations, [locale]: translation } };
}

/** Every "[Review: …]" placeholder left in any language, once each. */
export function reviewPlaceholders(draft: ArticleDraft): string[] {
  const found = Object.values(draft.translations).flatMap((translation) =>
    findReviewPlaceholders(translation.question, translation.answerMarkdown),
  );
  return [...new Set(found)];
}

/** The languages whose fields the server refused: their tabs say so. */
export function localesWithErrors<Locale extends { locale: string }>(
  locales: Locale[],
  fieldErrors: Record<string, string>,
): Locale[] {
  const fields = Object.keys(fieldErrors);
  return locales.filter(({ locale }) => fields.some((field) => field.startsWith(`translations.${locale}.`)));
}

/** A refused field's message. A language other than the primary one is optional, so "required" means "finish it". */
export function fieldErrorMessage(
  fieldErrors: Record<string, string>,
  field: string,
  primaryLocale: string,
): string | undefined {
  const error = fieldErrors[field];
  if (!error) return undefined;
  const locale = /^translations\.([^.]+)\./.exec(field)?.[1];
  if (error === "required" && locale !== undefined && locale !== primaryLocale) {
    return errorText.requiredTranslation;
  }
  return errorText[error as keyof typeof errorText] ?? error;
}
