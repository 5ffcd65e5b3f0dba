/**
 * Text of the emulator's own page (the stand-in for a merchant's theme around the app block).
 * Kept here, not in the extension's locale files: the extension must not depend on it.
 */
export interface PageChromeStrings {
  skipToContent: string;
  helpPageTitle: string;
  shopperSwitch: string;
  browsingAs: string;
  guest: string;
  language: string;
  apply: string;
  emulatorNote: string;
}

const STRINGS: Record<string, PageChromeStrings> = {
  en: {
    skipToContent: "Skip to content",
    helpPageTitle: "Help",
    shopperSwitch: "Shopper and language",
    browsingAs: "Browsing as",
    guest: "Guest",
    language: "Language",
    apply: "Apply",
    emulatorNote: "Local Shopify storefront emulator: not a real store.",
  },
  fr: {
    skipToContent: "Passer au contenu",
    helpPageTitle: "Aide",
    shopperSwitch: "Client et langue",
    browsingAs: "Navigation en tant que",
    guest: "Invité",
    language: "Langue",
    apply: "Appliquer",
    emulatorNote: "Émulateur local de boutique Shopify : ce n’est pas une vraie boutique.",
  },
  de: {
    skipToContent: "Direkt zum Inhalt",
    helpPageTitle: "Hilfe",
    shopperSwitch: "Kunde und Sprache",
    browsingAs: "Unterwegs als",
    guest: "Gast",
    language: "Sprache",
    apply: "Übernehmen",
    emulatorNote: "Lokaler Shopify-Storefront-Emulator: kein echter Shop.",
  },
  es: {
    skipToContent: "Ir al contenido",
    helpPageTitle: "Ayuda",
    shopperSwitch: "Cliente e idioma",
    browsingAs: "Navegando como",
    guest: "Invitado",
    language: "Idioma",
    apply: "Aplicar",
    emulatorNote: "Emulador local de tienda Shopify: no es una tienda real.",
  },
  it: {
    skipToContent: "Vai al contenuto",
    helpPageTitle: "Assistenza",
    shopperSwitch: "Cliente e lingua",
    browsingAs: "Navigazione come",
    guest: "Ospite",
    language: "Lingua",
    apply: "Applica",
    emulatorNote: "Emulatore locale di negozio Shopify: non è un negozio reale.",
  },
  nl: {
    skipToContent: "Naar inhoud",
    helpPageTitle: "Hulp",
    shopperSwitch: "Klant en taal",
    browsingAs: "Bezoeken als",
    guest: "Gast",
    language: "Taal",
    apply: "Toepassen",
    emulatorNote: "Lokale Shopify-winkelemulator: geen echte winkel.",
  },
  ja: {
    skipToContent: "コンテンツにスキップ",
    helpPageTitle: "ヘルプ",
    shopperSwitch: "お客様と言語",
    browsingAs: "閲覧ユーザー",
    guest: "ゲスト",
    language: "言語",
    apply: "適用",
    emulatorNote: "ローカルの Shopify ストアフロントエミュレーターです。実際のストアではありません。",
  },
};

export function pageChromeStrings(locale: string): PageChromeStrings {
  const language = locale.split("-")[0] ?? locale;
  return STRINGS[locale] ?? STRINGS[language] ?? (STRINGS.en as PageChromeStrings);
}

/** The language's own name ("français", "日本語"), as a locale switch shows it. */
export function endonym(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language" }).of(locale) ?? locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/** English name of a language, as Shopify's `request.locale.name` gives it. */
export function englishName(locale: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(locale) ?? locale;
  } catch {
    return locale;
  }
}

const RTL_LANGUAGES = new Set(["ar", "fa", "he", "ur", "ps", "yi", "ckb", "dv", "sd", "ug"]);

export function textDirection(locale: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(locale.split("-")[0]?.toLowerCase() ?? "") ? "rtl" : "ltr";
}
