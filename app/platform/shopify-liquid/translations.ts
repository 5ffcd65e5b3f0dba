import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A locale file: nested groups whose leaves are strings, or plural forms keyed by CLDR category. */
export type TranslationTree = { [key: string]: string | TranslationTree };

export interface LocaleFiles {
  /** Locale of the `*.default.json` file, the only fallback Shopify uses for a missing key. */
  defaultLocale: string;
  /** Locale code (as in the file name) -> parsed file. */
  byLocale: Map<string, TranslationTree>;
}

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

export class TranslationError extends Error {
  override name = "TranslationError";
}

/**
 * Reads `locales/*.json` (storefront) or `locales/*.schema.json` (theme editor) of a theme or
 * theme app extension. Exactly one file must be the default (`<locale>.default[.schema].json`).
 */
export function loadLocaleFiles(localesDir: string, kind: "storefront" | "schema"): LocaleFiles {
  const suffix = kind === "schema" ? ".schema.json" : ".json";
  const byLocale = new Map<string, TranslationTree>();
  const defaults: string[] = [];
  for (const fileName of readdirSync(localesDir).sort()) {
    if (!fileName.endsWith(suffix)) continue;
    if (kind === "storefront" && fileName.endsWith(".schema.json")) continue;
    let locale = fileName.slice(0, -suffix.length);
    if (locale.endsWith(".default")) {
      locale = locale.slice(0, -".default".length);
      defaults.push(locale);
    }
    const tree = JSON.parse(readFileSync(path.join(localesDir, fileName), "utf8")) as TranslationTree;
    byLocale.set(locale, tree);
  }
  if (defaults.length !== 1 || defaults[0] === undefined) {
    throw new TranslationError(
      `${localesDir} must contain exactly one default ${kind} locale file (found ${defaults.length})`,
    );
  }
  return { defaultLocale: defaults[0], byLocale };
}

/**
 * Which locale file serves a request locale: the exact file (`pt-BR.json`), else the file of its
 * language (`pt.json`), else the default file.
 */
export function localeFileFor(files: LocaleFiles, requestLocale: string): string {
  if (files.byLocale.has(requestLocale)) return requestLocale;
  const language = requestLocale.split("-")[0] ?? requestLocale;
  if (files.byLocale.has(language)) return language;
  const caseInsensitive = [...files.byLocale.keys()].find((l) => l.toLowerCase() === requestLocale.toLowerCase());
  return caseInsensitive ?? files.defaultLocale;
}

/** Every leaf key path of a locale file, plural forms counted as leaves (`a.b.one`, `a.b.other`). */
export function translationKeys(tree: TranslationTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const keyPath = prefix ? `${prefix}.${key}` : key;
    return typeof value === "string" ? [keyPath] : translationKeys(value, keyPath);
  });
}

function lookup(tree: TranslationTree | undefined, key: string): string | TranslationTree | undefined {
  let node: string | TranslationTree | undefined = tree;
  for (const segment of key.split(".")) {
    if (node === undefined || typeof node === "string" || !Object.hasOwn(node, segment)) return undefined;
    node = node[segment];
  }
  return node;
}

function isPluralEntry(entry: TranslationTree): boolean {
  const keys = Object.keys(entry);
  return keys.length > 0 && keys.every((k) => PLURAL_CATEGORIES.has(k)) && "other" in entry;
}

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export interface TranslateOptions {
  /** Locale file picked for the request (see localeFileFor). */
  locale: string;
  key: string;
  /** Named arguments of the `t` filter; `count` also selects the plural form. */
  args?: Record<string, unknown>;
}

/**
 * The Liquid `t` filter as Shopify applies it to a theme app extension's locale files:
 * - a key missing from the request's file falls back to the default file only;
 * - `count` selects the CLDR plural form of the file's language (`zero` wins for 0 when present,
 *   a missing form falls back to `other`);
 * - `{{ name }}` placeholders are replaced by the named arguments;
 * - output is HTML-escaped unless the key's last segment ends in `_html`; interpolated values are
 *   escaped in both cases.
 * Errors a Shopify storefront would render as "Translation missing" text are thrown instead, so a
 * test or the demo shows them.
 */
export function translate(files: LocaleFiles, { locale, key, args = {} }: TranslateOptions): string {
  let entry = lookup(files.byLocale.get(locale), key);
  let entryLocale = locale;
  if (entry === undefined) {
    entry = lookup(files.byLocale.get(files.defaultLocale), key);
    entryLocale = files.defaultLocale;
  }
  if (entry === undefined) {
    throw new TranslationError(`Translation missing: ${locale}.${key}`);
  }

  let template: string;
  if (typeof entry === "string") {
    template = entry;
  } else if (isPluralEntry(entry)) {
    const count = Number(args.count);
    if (args.count === undefined || !Number.isFinite(count)) {
      throw new TranslationError(`Translation ${entryLocale}.${key} is pluralized: pass a numeric count`);
    }
    const category = count === 0 && typeof entry.zero === "string" ? "zero" : pluralCategory(entryLocale, count);
    const form = entry[category] ?? entry.other;
    if (typeof form !== "string") {
      throw new TranslationError(`Translation ${entryLocale}.${key}.${category} is not a string`);
    }
    template = form;
  } else {
    throw new TranslationError(`Translation ${entryLocale}.${key} is a group of keys, not a translation`);
  }

  const isHtml = key.split(".").at(-1)?.endsWith("_html") ?? false;
  const text = isHtml ? template : escapeHtml(template);
  return text.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_placeholder, name: string) => {
    if (!Object.hasOwn(args, name)) {
      throw new TranslationError(`Translation ${entryLocale}.${key} needs the argument "${name}"`);
    }
    return escapeHtml(args[name]);
  });
}

function pluralCategory(locale: string, count: number): string {
  try {
    return new Intl.PluralRules(locale).select(count);
  } catch {
    return count === 1 ? "one" : "other";
  }
}
