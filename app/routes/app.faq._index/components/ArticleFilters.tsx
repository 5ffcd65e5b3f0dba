import { ChoiceList, Filters } from "@shopify/polaris";

import type { FaqListFilters } from "../../../features/faq/Faq.server";
import { adminText, format } from "../../../i18n";
import { appliedFilterLabels, type FilterKey } from "../faq-list";

const text = adminText.faq;

/** Search and the status, category and missing-translation filters above the article list. */
export function ArticleFilters({
  filters,
  categories,
  locales,
  query,
  onQueryChange,
  onFilter,
  onClearAll,
}: {
  filters: FaqListFilters;
  categories: { id: string; title: string }[];
  locales: { locale: string; name: string; primary: boolean }[];
  query: string;
  onQueryChange: (query: string) => void;
  onFilter: (key: FilterKey, value: string) => void;
  onClearAll: () => void;
}) {
  const secondaryLocales = locales.filter((locale) => !locale.primary);
  const choice = (key: Exclude<FilterKey, "query">, title: string, choices: { label: string; value: string }[]) => ({
    key,
    label: title,
    pinned: true,
    filter: (
      <ChoiceList
        title={title}
        titleHidden
        choices={choices}
        selected={[filters[key]]}
        onChange={([value]) => onFilter(key, value ?? "")}
      />
    ),
  });
  return (
    <Filters
      queryValue={query}
      queryPlaceholder={text.list.searchPlaceholder}
      onQueryChange={onQueryChange}
      onQueryClear={() => onQueryChange("")}
      onClearAll={onClearAll}
      appliedFilters={appliedFilterLabels(filters, categories, locales).map((applied) => ({
        ...applied,
        onRemove: () => onFilter(applied.key, ""),
      }))}
      filters={[
        choice("status", text.list.filterStatus, [
          { label: text.list.allStatuses, value: "all" },
          { label: text.status.published, value: "published" },
          { label: text.status.draft, value: "draft" },
        ]),
        choice("category", text.list.filterCategory, [
          { label: text.list.allCategories, value: "all" },
          { label: text.list.noCategoryOption, value: "none" },
          ...categories.map((category) => ({ label: category.title, value: category.id })),
        ]),
        ...(secondaryLocales.length > 0
          ? [
              choice("missingLocale", text.list.filterMissing, [
                { label: text.list.anyLocale, value: "" },
                ...secondaryLocales.map((locale) => ({
                  label: format(text.list.missingIn, { language: locale.name }),
                  value: locale.locale,
                })),
              ]),
            ]
          : []),
      ]}
    />
  );
}
