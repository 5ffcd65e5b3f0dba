import { describe, expect, it } from "vitest";

import { TEST_APP_ENV } from "../test/app-env";
import { DEMO_FACTS, fillReviewPlaceholders } from "./demo-content";

// The starter articles' module loads the app's configuration.
Object.assign(process.env, TEST_APP_ENV);
const { STARTER_ARTICLES } = await import("../app/features/faq/faq-starter-articles.server");
const { findReviewPlaceholders } = await import("../app/features/faq/Faq.shared");

describe("the demo's help centre", () => {
  it("has the demo shop's facts for every starter article, so the demo's storefront shows all of them", () => {
    expect(Object.keys(DEMO_FACTS).sort()).toEqual(STARTER_ARTICLES.map((article) => article.handle).sort());
  });

  it("leaves no [Review: …] in any starter article, in English and French, and no fact unused", () => {
    for (const article of STARTER_ARTICLES) {
      for (const language of ["en", "fr"] as const) {
        const { question, answerMarkdown, keywords } = article.text[language];
        const facts = DEMO_FACTS[article.handle]![language];
        const filled = [question, answerMarkdown, keywords].map((text) => fillReviewPlaceholders(text, facts));
        expect(findReviewPlaceholders(...filled), `${article.handle} (${language})`).toEqual([]);
        expect(filled.join("\n")).not.toContain("[Review");
        // A fact for a placeholder the starter text no longer has means the two drifted apart.
        const placeholders = findReviewPlaceholders(question, answerMarkdown, keywords).map((placeholder) =>
          placeholder.slice("[Review:".length, -1).trim(),
        );
        expect(Object.keys(facts).sort(), `${article.handle} (${language})`).toEqual([...new Set(placeholders)].sort());
      }
    }
  });

  it("refuses to guess a fact it was not given", () => {
    expect(() => fillReviewPlaceholders("Within **[Review: 14] days**.", {})).toThrow("no demo fact for [Review: 14]");
    expect(fillReviewPlaceholders("Within **[Review: 14] days**.", { "14": "30" })).toBe("Within **30 days**.");
  });
});
