import { toast, type Toast } from "../../components/toast";
import type { FaqListFilters } from "../../features/faq/Faq.server";
import { adminText, format, formatCount } from "../../i18n";
import type { ListIntent } from "./schema.server";

/** The FAQ list's rules that need no server: what an action tells the merchant, and the filters in the URL. */

const text = adminText.faq;

export type FilterKey = "query" | "status" | "category" | "missingLocale";

interface Named {
  locale: string;
  name: string;
}

/** After a list action: how many articles changed; nothing when none did (publishing again speaks for itself). */
export function listActionToast(intent: ListIntent, count: number): Toast | undefined {
  if (intent === "move") return toast(text.list.movedToast);
  if (intent === "starter" && count === 0) return toast(text.list.starterNone);
  if (intent === "republish" || count === 0) return undefined;
  const messages = {
    publish: text.list.publishedToast,
    unpublish: text.list.unpublishedToast,
    delete: text.list.deletedToast,
    starter: text.list.starterAdded,
  };
  return toast(formatCount(messages[intent], count));
}

/** The list's query string with one filter changed ("" or "all" removes it); a new filter starts at page 1. */
export function withFilter(search: URLSearchParams, key: FilterKey, value: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value && value !== "all") next.set(key, value);
  else next.delete(key);
  next.delete("page");
  return next;
}

export function withPage(search: URLSearchParams, page: number): URLSearchParams {
  const next = new URLSearchParams(search);
  next.set("page", String(page));
  return next;
}

/** Reordering needs the whole list in view: positions are storefront order, not the order of a search. */
export function isFiltered(filters: FaqListFilters): boolean {
  return filters.query !== "" || filters.status !== "all" || filters.category !== "all" || filters.missingLocale !== "";
}

export function languageName(locales: Named[], code: string): string {
  return locales.find((locale) => locale.locale === code)?.name ?? code;
}

export function statusLabel(status: string): string {
  return status === "published" ? text.status.published : text.status.draft;
}

/** The chips above the list naming each filter in use (search aside: it shows in its own field). */
export function appliedFilterLabels(
  filters: FaqListFilters,
  categories: { id: string; title: string }[],
  locales: Named[],
): { key: Exclude<FilterKey, "query">; label: string }[] {
  const labels: { key: Exclude<FilterKey, "query">; label: string }[] = [];
  if (filters.status !== "all") {
    labels.push({ key: "status", label: `${text.list.filterStatus}: ${statusLabel(filters.status)}` });
  }
  if (filters.category !== "all") {
    const category =
      filters.category === "none"
        ? text.list.noCategoryOption
        : (categories.find((candidate) => candidate.id === filters.category)?.title ?? "");
    labels.push({ key: "category", label: `${text.list.filterCategory}: ${category}` });
  }
  if (filters.missingLocale) {
    const language = languageName(locales, filters.missingLocale);
    labels.push({ key: "missingLocale", label: format(text.list.missingIn, { language }) });
  }
  return labels;
}
