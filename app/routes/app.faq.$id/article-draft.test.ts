import { describe, expect, it, vi } from "vitest";

import type { FaqArticleDetail } from "../../features/faq/Faq.server";
import { articleActionSchema } from "./schema.server";
import {
  articleFormFields,
  draftFromArticle,
  fieldErrorMessage,
  hasContent,
  localesWithErrors,
  reviewPlaceholders,
  withTranslation,
} from "./article-draft";

// The round trips below go through the server's own parser, whose module reads the app's configuration when loaded.
await vi.hoisted(async () => {
  const { TEST_APP_ENV } = await import("../../../test/app-env");
  Object.assign(process.env, TEST_APP_ENV);
});
const { parseArticleForm } = await import("../../features/faq/Faq.server");

const LOCALES = [
  { locale: "en", primary: true },
  { locale: "fr", primary: false },
  { locale: "de", primary: false },
];

const ARTICLE: FaqArticleDetail = {
  id: "article-1",
  handle: "gift-wrapping",
  status: "published",
  position: 3,
  categoryId: "category-1",
  updatedAt: "2026-12-01T10:00:00.000Z",
  translations: {
    en: {
      question: "Do you offer gift wrapping?",
      answerMarkdown: "Yes, for **$5**.",
      answerHtml: "<p>Yes, for <strong>$5</strong>.</p>",
      keywords: "present",
    },
    fr: {
      question: "Proposez-vous l'emballage cadeau ?",
      answerMarkdown: "Oui, pour **5 $**.",
      answerHtml: "<p>Oui</p>",
      keywords: "",
    },
  },
};

/** What the server makes of the fields the editor posts, through the same schema and parser as the action. */
function serverReads(fields: Record<string, string>) {
  const body = articleActionSchema.parse({ intent: "save", ...fields });
  const { intent: _intent, ...posted } = body;
  return parseArticleForm(posted, LOCALES);
}

describe("the article editor's draft", () => {
  it("starts a new article as an empty draft in every shop language, with nothing worth asking about", () => {
    const draft = draftFromArticle(null, LOCALES);
    expect(draft).toEqual({
      status: "draft",
      categoryId: "",
      handle: "",
      position: "",
      translations: {
        en: { question: "", answerMarkdown: "", keywords: "" },
        fr: { question: "", answerMarkdown: "", keywords: "" },
        de: { question: "", answerMarkdown: "", keywords: "" },
      },
    });
    expect(hasContent(draft)).toBe(false);
    // Settings alone are not content: leaving a blank article with a status changed loses nothing.
    expect(hasContent({ ...draft, status: "published", handle: "x" })).toBe(false);
    expect(hasContent(withTranslation(draft, "de", { keywords: "  wrap " }))).toBe(true);
    expect(hasContent(withTranslation(draft, "fr", { question: "   " }))).toBe(false);
  });

  it("saves a stored article back unchanged: the server reads the same article from the posted fields", () => {
    const parsed = serverReads(articleFormFields(draftFromArticle(ARTICLE, LOCALES)));
    expect(parsed).toEqual({
      ok: true,
      value: {
        handle: "gift-wrapping",
        status: "published",
        categoryId: "category-1",
        position: 3,
        translations: {
          en: { question: "Do you offer gift wrapping?", answerMarkdown: "Yes, for **$5**.", keywords: "present" },
          fr: { question: "Proposez-vous l'emballage cadeau ?", answerMarkdown: "Oui, pour **5 $**.", keywords: "" },
        },
      },
    });
  });

  it("posts a new article with no category and no position as the server's defaults", () => {
    const draft = withTranslation(draftFromArticle(null, LOCALES), "en", {
      question: "Where is my order?",
      answerMarkdown: "Look it up above.",
    });
    const parsed = serverReads(articleFormFields(draft));
    expect(parsed.ok && parsed.value).toMatchObject({ categoryId: null, position: null, handle: "", status: "draft" });
    expect(parsed.ok && Object.keys(parsed.value.translations)).toEqual(["en"]);
  });

  it("edits one language without touching the others", () => {
    const draft = draftFromArticle(ARTICLE, LOCALES);
    const edited = withTranslation(draft, "fr", { keywords: "papier" });
    expect(edited.translations.fr).toEqual({ ...draft.translations.fr, keywords: "papier" });
    expect(edited.translations.en).toBe(draft.translations.en);
    expect(draft.translations.fr!.keywords).toBe("");
  });

  it("names each review placeholder once, across languages", () => {
    const draft = withTranslation(
      withTranslation(draftFromArticle(null, LOCALES), "en", {
        question: "How long do I have?",
        answerMarkdown: "Within [Review: 30 days]. Fees: [Review: $5].",
      }),
      "fr",
      { answerMarkdown: "Sous [Review: 30 days]." },
    );
    expect(reviewPlaceholders(draft)).toEqual(["[Review: 30 days]", "[Review: $5]"]);
  });

  it("says which languages need a fix and words each error for its field", () => {
    const fieldErrors = {
      "translations.fr.question": "required",
      "translations.en.answerMarkdown": "required",
      handle: "handleTaken",
    };
    const named = LOCALES.map((locale) => ({ ...locale, name: locale.locale.toUpperCase() }));
    expect(localesWithErrors(named, fieldErrors).map((locale) => locale.locale)).toEqual(["en", "fr"]);
    expect(fieldErrorMessage(fieldErrors, "translations.en.answerMarkdown", "en")).toBe(
      "Required in your primary language",
    );
    expect(fieldErrorMessage(fieldErrors, "translations.fr.question", "en")).toBe(
      "Write both the question and the answer, or leave both empty",
    );
    expect(fieldErrorMessage(fieldErrors, "handle", "en")).toBe("Another article already uses this handle");
    expect(fieldErrorMessage(fieldErrors, "position", "en")).toBeUndefined();
  });

  it("refuses a body that is not an editor's, for the page to say so instead of failing", () => {
    expect(articleActionSchema.safeParse(null).success).toBe(false);
    expect(articleActionSchema.safeParse({ intent: "save", handle: 3 }).success).toBe(false);
    expect(articleActionSchema.safeParse({ intent: "publish" }).success).toBe(false);
    expect(articleActionSchema.safeParse({ intent: "delete" }).success).toBe(true);
  });
});
