import { z } from "zod";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { BRANDING_LIMITS, CONTACT_OPTIONS, DENSITIES, LOCALE_CODE, PORTAL_MODULES } from "./Branding.shared";

/**
 * How the storefront portal looks and what it offers: colours, corner radius, density, which modules
 * shoppers see, contact options, and the heading and intro per shop locale. One zod-validated JSON document
 * per shop (`Branding.document`); a shop that never saved gets DEFAULT_BRANDING.
 */

export { BRANDING_LIMITS, CONTACT_OPTIONS, DENSITIES, PORTAL_MODULES } from "./Branding.shared";
export type { ContactOption, Density, PortalModule } from "./Branding.shared";

/**
 * Only `#rgb` and `#rrggbb` (docs/storefront-snapshot.md): a colour reaches a `style` attribute on the
 * storefront, so nothing but hex digits may pass — `red;}`, `url(…)` or `var(--x)` never do.
 */
const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `#ABC` → `#aabbcc`: one spelling per colour, so an unchanged colour never republishes. */
export function normalizeHexColor(color: string): string {
  const hex = color.trim().toLowerCase();
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}` : hex;
}

export function isHexColor(value: string): boolean {
  return HEX_COLOR.test(value.trim());
}

const hexColor = z.string().trim().refine(isHexColor, { message: "hexColor" }).transform(normalizeHexColor);

const localeCode = z.string().regex(LOCALE_CODE);

const localeTexts = z.object({
  heading: z.string().trim().max(BRANDING_LIMITS.heading, { message: "tooLong" }),
  intro: z.string().trim().max(BRANDING_LIMITS.intro, { message: "tooLong" }),
});
export type LocaleTexts = z.infer<typeof localeTexts>;

export const brandingDocumentSchema = z.object({
  accentColor: hexColor,
  textOnAccentColor: hexColor,
  radius: z
    .number({ message: "radiusRange" })
    .int({ message: "radiusRange" })
    .min(BRANDING_LIMITS.radiusMin, { message: "radiusRange" })
    .max(BRANDING_LIMITS.radiusMax, { message: "radiusRange" }),
  density: z.enum(DENSITIES, { message: "density" }),
  modules: z
    .object({ tracking: z.boolean(), returns: z.boolean(), faq: z.boolean(), contact: z.boolean() })
    .refine((modules) => Object.values(modules).some(Boolean), { message: "noModules" }),
  contact: z.object({ email: z.boolean(), orderRequired: z.boolean() }),
  /** By shop locale; a blank heading or intro means "the block's own translated default". */
  texts: z.record(localeCode, localeTexts),
});

export type BrandingDocument = z.infer<typeof brandingDocumentSchema>;

export const DEFAULT_BRANDING: BrandingDocument = {
  accentColor: "#1f4d3a",
  textOnAccentColor: "#ffffff",
  radius: 8,
  density: "comfortable",
  modules: { tracking: true, returns: true, faq: true, contact: true },
  contact: { email: true, orderRequired: false },
  texts: {},
};

/** Errors a merchant can fix, keyed by form field; values are message keys of adminText.branding.errors. */
export type FieldErrors = Record<string, string>;

// ---- The form ----

/** A shop locale, as getShopLocales reports it. */
export interface BrandingLocale {
  locale: string;
  primary: boolean;
}

/**
 * The branding form as the admin posts it (`accentColor`, `textOnAccentColor`, `radius`, `density`,
 * `modules.<module>`, `contact.<option>` as "on" when checked, `texts.<locale>.heading|intro` per shop
 * locale). Texts of locales the shop no longer publishes are kept, so re-adding a language restores them.
 */
export function parseBrandingForm(
  form: Record<string, string>,
  locales: BrandingLocale[],
  previous: BrandingDocument = DEFAULT_BRANDING,
): { ok: true; value: BrandingDocument } | { ok: false; fieldErrors: FieldErrors } {
  const radiusText = (form.radius ?? "").trim();
  const texts: Record<string, LocaleTexts> = { ...previous.texts };
  for (const { locale } of locales) {
    texts[locale] = {
      heading: form[`texts.${locale}.heading`] ?? "",
      intro: form[`texts.${locale}.intro`] ?? "",
    };
  }
  const candidate = {
    accentColor: form.accentColor ?? "",
    textOnAccentColor: form.textOnAccentColor ?? "",
    radius: /^\d{1,3}$/.test(radiusText) ? Number(radiusText) : Number.NaN,
    density: form.density ?? "",
    modules: Object.fromEntries(PORTAL_MODULES.map((module) => [module, form[`modules.${module}`] === "on"])),
    contact: Object.fromEntries(CONTACT_OPTIONS.map((option) => [option, form[`contact.${option}`] === "on"])),
    texts,
  };
  return validateBranding(candidate);
}

/** A document as the form posts it (checkboxes "on" when checked, absent otherwise): the inverse of parseBrandingForm. */
export function brandingToForm(document: BrandingDocument, locales: BrandingLocale[]): Record<string, string> {
  const form: Record<string, string> = {
    accentColor: document.accentColor,
    textOnAccentColor: document.textOnAccentColor,
    radius: String(document.radius),
    density: document.density,
  };
  for (const module of PORTAL_MODULES) if (document.modules[module]) form[`modules.${module}`] = "on";
  for (const option of CONTACT_OPTIONS) if (document.contact[option]) form[`contact.${option}`] = "on";
  for (const { locale } of locales) {
    form[`texts.${locale}.heading`] = document.texts[locale]?.heading ?? "";
    form[`texts.${locale}.intro`] = document.texts[locale]?.intro ?? "";
  }
  return form;
}

const ERROR_KEYS = new Set(["hexColor", "tooLong", "radiusRange", "density", "noModules"]);

/** Validates a whole document; error keys are form field names (`accentColor`, `texts.fr.heading`, `modules`). */
export function validateBranding(
  candidate: unknown,
): { ok: true; value: BrandingDocument } | { ok: false; fieldErrors: FieldErrors } {
  const parsed = brandingDocumentSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    // `modules.tracking` → `modules` (the refinement is about the group); texts keep their full path.
    const [first, ...rest] = issue.path.map(String);
    const field = first === "texts" ? [first, ...rest].join(".") : (first ?? "form");
    fieldErrors[field] ??= ERROR_KEYS.has(issue.message) ? issue.message : "invalid";
  }
  return { ok: false, fieldErrors };
}

// ---- Contrast (WCAG 2.x) ----

/** WCAG AA for normal-size text: links and button labels in the portal are body-size text. */
export const WCAG_AA_TEXT_CONTRAST = 4.5;

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a hex colour (WCAG 2.x definition). */
export function relativeLuminance(color: string): number {
  const hex = normalizeHexColor(color);
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

/** Contrast ratio of two colours, 1 to 21, rounded down to two decimals so 4.499 never reads as passing. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return Math.floor(((lighter! + 0.05) / (darker! + 0.05)) * 100) / 100;
}

export interface ContrastWarning {
  /** `textOnAccent`: button labels on the accent; `accentOnWhite`: the accent as link colour on a white page. */
  pair: "textOnAccent" | "accentOnWhite";
  field: "textOnAccentColor" | "accentColor";
  ratio: number;
  required: number;
}

/**
 * Pairs below WCAG AA. A warning, not an error: the merchant may know their theme's background is not white,
 * and brand colours are theirs to choose; shoppers with low vision are who the warning speaks for.
 */
export function contrastWarnings(colors: { accentColor: string; textOnAccentColor: string }): ContrastWarning[] {
  if (!isHexColor(colors.accentColor)) return [];
  const warnings: ContrastWarning[] = [];
  if (isHexColor(colors.textOnAccentColor)) {
    const ratio = contrastRatio(colors.accentColor, colors.textOnAccentColor);
    if (ratio < WCAG_AA_TEXT_CONTRAST) {
      warnings.push({ pair: "textOnAccent", field: "textOnAccentColor", ratio, required: WCAG_AA_TEXT_CONTRAST });
    }
  }
  const onWhite = contrastRatio(colors.accentColor, "#ffffff");
  if (onWhite < WCAG_AA_TEXT_CONTRAST) {
    warnings.push({ pair: "accentOnWhite", field: "accentColor", ratio: onWhite, required: WCAG_AA_TEXT_CONTRAST });
  }
  return warnings;
}

// ---- Storage ----

/**
 * Reads a stored document defensively: a document from an older shape, or one edited by hand, falls back
 * field by field to the defaults instead of breaking the admin or the storefront.
 */
export function parseStoredBranding(json: string | null | undefined): BrandingDocument {
  if (!json) return DEFAULT_BRANDING;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return DEFAULT_BRANDING;
  }
  if (typeof raw !== "object" || raw === null) return DEFAULT_BRANDING;
  const whole = brandingDocumentSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = raw as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...DEFAULT_BRANDING };
  for (const key of Object.keys(DEFAULT_BRANDING) as (keyof BrandingDocument)[]) {
    const field = brandingDocumentSchema.shape[key].safeParse(fields[key]);
    if (field.success) merged[key] = field.data;
  }
  if (typeof fields.texts === "object" && fields.texts !== null) {
    const texts: Record<string, LocaleTexts> = {};
    for (const [locale, value] of Object.entries(fields.texts)) {
      const parsed = z.object({ locale: localeCode, value: localeTexts }).safeParse({ locale, value });
      if (parsed.success) texts[locale] = parsed.data.value;
    }
    merged.texts = texts;
  }
  return merged as BrandingDocument;
}

export interface StoredBranding {
  document: BrandingDocument;
  /** Whether the merchant has saved branding at least once (the home checklist asks). */
  saved: boolean;
  updatedAt: Date | null;
}

export async function getBranding(shop: string, db: Db = prisma): Promise<StoredBranding> {
  const row = await db.branding.findUnique({ where: { shop } });
  return { document: parseStoredBranding(row?.document), saved: row !== null, updatedAt: row?.updatedAt ?? null };
}

export async function saveBranding(shop: string, document: BrandingDocument, db: Db = prisma): Promise<void> {
  // Parsed again: the one gate between any caller and what reaches the storefront.
  const valid = brandingDocumentSchema.parse(document);
  const json = JSON.stringify(valid);
  await db.branding.upsert({ where: { shop }, create: { shop, document: json }, update: { document: json } });
}

export async function isBrandingSaved(shop: string, db: Db = prisma): Promise<boolean> {
  return (await db.branding.count({ where: { shop } })) > 0;
}

export async function deleteShopBranding(shop: string, db: Db): Promise<number> {
  return (await db.branding.deleteMany({ where: { shop } })).count;
}
