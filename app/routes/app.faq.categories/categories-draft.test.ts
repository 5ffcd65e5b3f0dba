import { describe, expect, it } from "vitest";

import type { FaqCategoryView } from "../../features/faq/Faq.server";
import {
  categoriesInput,
  draftFromCategories,
  withMove,
  withNewCategory,
  withoutCategory,
  withTitle,
} from "./categories-draft";
import { categoriesActionSchema, refusedListError } from "./schema.server";

const LOCALES = [{ locale: "en" }, { locale: "fr" }];

const SAVED: FaqCategoryView[] = [
  { id: "shipping", position: 0, titles: { en: "Shipping", fr: "Livraison" }, articleCount: 4 },
  // Written before the shop sold in French; a title in a language the shop no longer sells in is not edited.
  { id: "returns", position: 1, titles: { en: "Returns", es: "Devoluciones" }, articleCount: 1 },
];

describe("the FAQ categories draft", () => {
  it("edits a title in every shop language, empty where none is written yet", () => {
    expect(draftFromCategories(SAVED, LOCALES)).toEqual([
      { key: "shipping", id: "shipping", titles: { en: "Shipping", fr: "Livraison" }, articleCount: 4 },
      { key: "returns", id: "returns", titles: { en: "Returns", fr: "" }, articleCount: 1 },
    ]);
  });

  it("posts the list in its new order, new categories without an id, removed ones left out", () => {
    let draft = draftFromCategories(SAVED, LOCALES);
    draft = withNewCategory(draft, "new-0", LOCALES);
    draft = withTitle(draft, 2, "en", "Payments");
    draft = withMove(draft, 2, -1);
    draft = withoutCategory(draft, 0);
    const posted = categoriesInput(draft);
    expect(posted).toEqual([
      { titles: { en: "Payments", fr: "" } },
      { id: "returns", titles: { en: "Returns", fr: "" } },
    ]);
    // What the page posts is what its action accepts.
    expect(categoriesActionSchema.safeParse({ categories: posted }).success).toBe(true);
  });

  it("keeps the list as it is for a move past either end", () => {
    const draft = draftFromCategories(SAVED, LOCALES);
    expect(withMove(draft, 0, -1)).toEqual(draft);
    expect(withMove(draft, 1, 1)).toEqual(draft);
    expect(withMove(draft, 0, 1).map((category) => category.id)).toEqual(["returns", "shipping"]);
  });

  it("tells a list longer than the limit (the merchant's to fix) from a body no page sends", () => {
    const many = Array.from({ length: 51 }, (_, index) => ({ titles: { en: `Category ${index}` } }));
    const tooMany = categoriesActionSchema.safeParse({ categories: many });
    expect(!tooMany.success && refusedListError(tooMany.error)).toBe("tooManyCategories");
    const garbled = categoriesActionSchema.safeParse({ categories: "[]" });
    expect(!garbled.success && refusedListError(garbled.error)).toBe("invalidRequest");
    const missing = categoriesActionSchema.safeParse(null);
    expect(!missing.success && refusedListError(missing.error)).toBe("invalidRequest");
  });
});
