import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { BrandingShop } from "../../shopify/graphql/BrandingShop";
import { callShopify, ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import { publishStorefrontSnapshot, type PublishResult } from "../publishing/publish-storefront-snapshot.server";
import {
  getBranding,
  parseBrandingForm,
  saveBranding,
  type BrandingDocument,
  type FieldErrors,
} from "./Branding.server";
import { LOCALE_CODE } from "./Branding.shared";

/** The branding page's use cases: the shop it previews for, and saving then publishing what the merchant set. */

export interface BrandingShopDetails {
  shop: { name: string; domain: string; email: string; currency: string };
  /** The shop's published languages, the default one first. */
  locales: { locale: string; name: string; primary: boolean }[];
  shopifyUnavailable: boolean;
}

/**
 * The shop's name, contact email, currency and languages. When Shopify does not answer, the page still works:
 * English, plus the languages the merchant wrote texts for before, so nothing they wrote disappears from the form.
 */
export async function loadBrandingShop(
  admin: AdminApiContext,
  shop: string,
  stored: BrandingDocument,
): Promise<BrandingShopDetails> {
  const details: BrandingShopDetails = {
    shop: { name: "", domain: shop, email: "", currency: "USD" },
    locales: [{ locale: "en", name: "English", primary: true }],
    shopifyUnavailable: false,
  };
  try {
    const response = await callShopify(() => admin.graphql(BrandingShop));
    const { data } = await response.json();
    if (data) {
      details.shop = {
        name: data.shop.name,
        domain: data.shop.myshopifyDomain,
        email: data.shop.contactEmail ?? "",
        currency: data.shop.currencyCode,
      };
      const published = data.shopLocales.map(({ locale, name, primary }) => ({ locale, name, primary }));
      if (published.length > 0) details.locales = published.sort((a, b) => Number(b.primary) - Number(a.primary));
    }
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    details.shopifyUnavailable = true;
    for (const locale of Object.keys(stored.texts)) {
      if (!details.locales.some((known) => known.locale === locale)) {
        details.locales.push({ locale, name: locale, primary: false });
      }
    }
  }
  return details;
}

export type BrandingSave = { ok: true; publish: PublishResult } | { ok: false; fieldErrors: FieldErrors };

/** The languages the form carries texts for: the shop's, as the page loaded them. */
function formLocales(fields: Record<string, string>) {
  return [...new Set(Object.keys(fields).map((name) => /^texts\.([^.]+)\.heading$/.exec(name)?.[1]))]
    .filter((locale): locale is string => locale !== undefined && LOCALE_CODE.test(locale))
    .map((locale) => ({ locale, primary: false }));
}

/**
 * Saves the branding form's fields (the texts of the languages it carries; other languages' texts are kept),
 * then publishes the storefront snapshot. Nothing is saved when a field is invalid.
 */
export async function saveBrandingPage(
  admin: AdminApiContext,
  shop: string,
  fields: Record<string, string>,
): Promise<BrandingSave> {
  const previous = await getBranding(shop);
  const parsed = parseBrandingForm(fields, formLocales(fields), previous.document);
  if (!parsed.ok) return parsed;
  await saveBranding(shop, parsed.value);
  return { ok: true, publish: await publishStorefrontSnapshot(admin, shop) };
}
