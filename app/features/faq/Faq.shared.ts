/**
 * FAQ rules the admin's browser code needs as well as the server (limits, statuses, review placeholders):
 * nothing here touches the database, so routes may use it in components.
 */

export const FAQ_STATUSES = ["draft", "published"] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

export const FAQ_LIMITS = {
  handle: 100,
  question: 300,
  answerMarkdown: 20_000,
  keywords: 500,
  categoryTitle: 100,
  categories: 50,
  pageSize: 50,
} as const;

export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Starter articles carry the facts only the merchant knows as `[Review: 30 days]`. An article still holding
 * one is not published: shoppers must never read a guess about the merchant's policy.
 */
const REVIEW_PLACEHOLDER = /\[Review:[^\]]*\]/g;

export function findReviewPlaceholders(...texts: string[]): string[] {
  return texts.flatMap((text) => text.match(REVIEW_PLACEHOLDER) ?? []);
}
