import { format } from "./dom";

/**
 * Shopper-facing text. Every string comes from the extension's locale files: the block's Liquid renders the
 * ones the script needs into `<script type="application/json" data-r="text">`, translated for the shopper's
 * language. Placeholders are `[name]`, replaced here (Shopify's `{{ name }}` is taken by Liquid).
 */

export interface Text {
  locale: string;
  (key: string, values?: Record<string, string | number>): string;
  /** A count: picks `<key>_one` or `<key>_other` with the language's plural rules. */
  count(key: string, count: number, values?: Record<string, string | number>): string;
  /** A shop-local calendar day ("2026-12-05") as such; an instant as day and time in the shopper's time zone. */
  date(value: string | null | undefined): string;
  money(value: { amount: string; currencyCode: string } | null | undefined): string;
}

export function loadText(root: Element, locale: string): Text {
  let strings: Record<string, string> = {};
  try {
    strings = JSON.parse(root.querySelector('[data-r="text"]')?.textContent ?? "{}");
  } catch {
    // A broken theme edit must not stop the FAQ search; missing strings show their key.
  }
  const plural = new Intl.PluralRules(locale);
  const days = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const times = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const text = ((key, values = {}) => format(strings[key] ?? key, values)) as Text;
  text.locale = locale;
  text.count = (key, count, values) =>
    text(`${key}_${plural.select(count) === "one" ? "one" : "other"}`, { count, ...values });
  text.date = (value) =>
    !value ? "" : value.length === 10 ? days.format(new Date(`${value}T00:00:00Z`)) : times.format(new Date(value));
  text.money = (value) =>
    value
      ? new Intl.NumberFormat(locale, { style: "currency", currency: value.currencyCode }).format(Number(value.amount))
      : "";
  return text;
}
