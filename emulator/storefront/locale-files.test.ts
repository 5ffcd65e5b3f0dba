import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  loadLocaleFiles,
  readAppBlock,
  translationKeys,
  type TranslationTree,
} from "../../app/platform/shopify-liquid/index";
import { extensionRoot } from "./index.js";

const localesDir = path.join(extensionRoot, "locales");
const REQUIRED_LOCALES = ["en", "fr", "de", "es", "it", "nl", "ja"];

// Values that are legitimately the same in English and another language.
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fr: ["portal.faq.count.one", "portal.faq.count.other"],
};

function leaf(tree: TranslationTree, key: string): string | undefined {
  let node: string | TranslationTree | undefined = tree;
  for (const segment of key.split(".")) node = typeof node === "object" ? node[segment] : undefined;
  return typeof node === "string" ? node : undefined;
}

describe.each(["storefront", "schema"] as const)("extension %s locale files", (kind) => {
  const files = loadLocaleFiles(localesDir, kind);
  const defaultTree = files.byLocale.get(files.defaultLocale)!;
  const defaultKeys = translationKeys(defaultTree).sort();

  it("default to English and cover every supported language", () => {
    expect(files.defaultLocale).toBe("en");
    expect([...files.byLocale.keys()].sort()).toEqual([...REQUIRED_LOCALES].sort());
  });

  it.each(REQUIRED_LOCALES.filter((l) => l !== "en"))("%s has exactly the keys of the default file", (locale) => {
    expect(translationKeys(files.byLocale.get(locale)!).sort()).toEqual(defaultKeys);
  });

  it.each(REQUIRED_LOCALES.filter((l) => l !== "en"))("%s has no English left in it", (locale) => {
    const tree = files.byLocale.get(locale)!;
    const untranslated = defaultKeys.filter(
      (key) => leaf(tree, key) === leaf(defaultTree, key) && !SAME_AS_ENGLISH[locale]?.includes(key),
    );
    expect(untranslated).toEqual([]);
  });

  it.each(REQUIRED_LOCALES)("%s keeps the default file's placeholders", (locale) => {
    const tree = files.byLocale.get(locale)!;
    const placeholders = (text: string | undefined) =>
      [...(text ?? "").matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const key of defaultKeys) {
      expect(placeholders(leaf(tree, key)), `${locale}: ${key}`).toEqual(placeholders(leaf(defaultTree, key)));
    }
  });
});

describe("block schema translations", () => {
  it("every t: reference in the portal block's schema exists in every schema locale file", () => {
    const { schema } = readAppBlock(extensionRoot, "portal");
    const references = [...JSON.stringify(schema).matchAll(/"t:([\w.]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(0);
    const files = loadLocaleFiles(localesDir, "schema");
    for (const [locale, tree] of files.byLocale) {
      for (const reference of references) {
        expect(leaf(tree, reference), `${locale}.schema.json: ${reference}`).toBeTypeOf("string");
      }
    }
  });

  it("locale files are valid UTF-8 JSON without a byte order mark", () => {
    for (const locale of REQUIRED_LOCALES) {
      for (const suffix of [".json", ".schema.json"]) {
        const name = `${locale}${locale === "en" ? ".default" : ""}${suffix}`;
        const text = readFileSync(path.join(localesDir, name), "utf8");
        expect(text.charCodeAt(0), name).not.toBe(0xfeff);
        expect(() => JSON.parse(text), name).not.toThrow();
      }
    }
  });
});
