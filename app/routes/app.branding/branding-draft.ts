import {
  CONTACT_OPTIONS,
  PORTAL_MODULES,
  type ContactOption,
  type Density,
  type PortalModule,
} from "../../features/branding/Branding.shared";
import type { BrandingDocument } from "../../features/branding/Branding.server";

/**
 * The branding page's form state: the stored branding as the merchant edits it, and the fields the page posts
 * (to save, and to the live preview) in the shape the branding model reads (`parseBrandingForm`). Pure, so what
 * the merchant sets is checked without a browser.
 */

export interface BrandingDraft {
  accentColor: string;
  textOnAccentColor: string;
  radius: number;
  density: Density;
  /** Checked, in the form's order. */
  modules: PortalModule[];
  contact: ContactOption[];
  /** By shop language, every one of them ("" where the merchant keeps the portal's own wording). */
  texts: Record<string, { heading: string; intro: string }>;
}

export interface PreviewContext {
  /** The language previewed, and the shop's default one (whose texts a blank language falls back to). */
  locale: string;
  primaryLocale: string;
  shop: { name: string; email: string; currency: string };
}

/** The stored branding (or the default one) as the form shows it, for the shop's languages. */
export function toBrandingDraft(document: BrandingDocument, locales: { locale: string }[]): BrandingDraft {
  return {
    accentColor: document.accentColor,
    textOnAccentColor: document.textOnAccentColor,
    radius: document.radius,
    density: document.density,
    modules: PORTAL_MODULES.filter((module) => document.modules[module]),
    contact: CONTACT_OPTIONS.filter((option) => document.contact[option]),
    texts: Object.fromEntries(
      locales.map(({ locale }) => [
        locale,
        { heading: document.texts[locale]?.heading ?? "", intro: document.texts[locale]?.intro ?? "" },
      ]),
    ),
  };
}

/**
 * The draft as the form's fields: `modules.<module>` and `contact.<option>` "on" when checked and absent
 * otherwise, `texts.<locale>.heading|intro` per language.
 */
export function toBrandingForm(draft: BrandingDraft): Record<string, string> {
  const form: Record<string, string> = {
    accentColor: draft.accentColor,
    textOnAccentColor: draft.textOnAccentColor,
    radius: String(draft.radius),
    density: draft.density,
  };
  for (const module of draft.modules) form[`modules.${module}`] = "on";
  for (const option of draft.contact) form[`contact.${option}`] = "on";
  for (const [locale, texts] of Object.entries(draft.texts)) {
    form[`texts.${locale}.heading`] = texts.heading;
    form[`texts.${locale}.intro`] = texts.intro;
  }
  return form;
}

/**
 * The live preview's query: the unsaved fields, with only the texts of the language previewed and of the
 * default language (the preview renders one language; the rest would only lengthen the URL), and the shop's
 * details the block shows.
 */
export function toPreviewQuery(draft: BrandingDraft, context: PreviewContext): string {
  const shown = new Set([context.locale, context.primaryLocale]);
  const texts = Object.fromEntries(Object.entries(draft.texts).filter(([locale]) => shown.has(locale)));
  return new URLSearchParams({
    ...toBrandingForm({ ...draft, texts }),
    locale: context.locale,
    primaryLocale: context.primaryLocale,
    shopName: context.shop.name,
    shopEmail: context.shop.email,
    shopCurrency: context.shop.currency,
  }).toString();
}

// ---- Edits the form makes ----

/** Ticked options in the form's own order, however they were ticked: the same choice is never a change. */
export function inFormOrder<Option extends string>(options: readonly Option[], selected: string[]): Option[] {
  return options.filter((option) => selected.includes(option));
}

export function withTexts(
  draft: BrandingDraft,
  locale: string,
  patch: Partial<BrandingDraft["texts"][string]>,
): BrandingDraft {
  const current = draft.texts[locale] ?? { heading: "", intro: "" };
  return { ...draft, texts: { ...draft.texts, [locale]: { ...current, ...patch } } };
}
