import type { FaqCategoryInput, FaqCategoryView } from "../../features/faq/Faq.server";

/**
 * The category list as the merchant edits it (order = storefront order): saved categories and the shop's
 * languages → the draft → the list `saveCategories` takes (new categories without an id).
 */

export interface CategoryDraft {
  /** Stable across moves, for React: the id, or a key made for a new category. */
  key: string;
  id?: string;
  /** One per shop language, written or not. */
  titles: Record<string, string>;
  articleCount: number;
}

type Locales = { locale: string }[];

export function draftFromCategories(categories: FaqCategoryView[], locales: Locales): CategoryDraft[] {
  return categories.map((category) => ({
    key: category.id,
    id: category.id,
    titles: Object.fromEntries(locales.map(({ locale }) => [locale, category.titles[locale] ?? ""])),
    articleCount: category.articleCount,
  }));
}

export function categoriesInput(draft: CategoryDraft[]): FaqCategoryInput[] {
  return draft.map(({ id, titles }) => ({ ...(id ? { id } : {}), titles }));
}

export function withNewCategory(draft: CategoryDraft[], key: string, locales: Locales): CategoryDraft[] {
  return [...draft, { key, titles: Object.fromEntries(locales.map(({ locale }) => [locale, ""])), articleCount: 0 }];
}

/** Moves a category by `offset` places (-1 up, 1 down); a move past either end changes nothing. */
export function withMove(draft: CategoryDraft[], index: number, offset: number): CategoryDraft[] {
  const target = index + offset;
  if (target < 0 || target >= draft.length || !draft[index]) return draft;
  const next = [...draft];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved!);
  return next;
}

export function withoutCategory(draft: CategoryDraft[], index: number): CategoryDraft[] {
  return draft.filter((_, at) => at !== index);
}

export function withTitle(draft: CategoryDraft[], index: number, locale: string, title: string): CategoryDraft[] {
  return draft.map((category, at) =>
    at === index ? { ...category, titles: { ...category.titles, [locale]: title } } : category,
  );
}
