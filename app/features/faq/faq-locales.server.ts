import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import { getShopLocales, type ShopLocale } from "../../shopify/shop-locales.server";

export interface FaqLocales {
  /** Primary first. */
  locales: ShopLocale[];
  /** Shopify did not answer: the languages are the ones the FAQ already has, and the admin says so. */
  shopifyUnavailable: boolean;
}

/**
 * The languages FAQ content is written in: the shop's published locales. When Shopify is unavailable the
 * admin keeps working with the languages the FAQ already holds (the most used one taken as primary), so a
 * merchant can still read and fix an answer.
 */
export async function loadFaqLocales(admin: AdminApiContext, shop: string, db: Db = prisma): Promise<FaqLocales> {
  try {
    const locales = await getShopLocales(admin);
    if (locales.length > 0) return { locales, shopifyUnavailable: false };
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    console.warn(`[faq] ${shop}: shop locales unavailable (${error.message})`);
  }
  const used = await db.faqArticleTranslation.groupBy({
    by: ["locale"],
    where: { shop },
    _count: { locale: true },
    orderBy: { _count: { locale: "desc" } },
  });
  const codes = used.length > 0 ? used.map((row) => row.locale) : ["en"];
  return {
    locales: codes.map((locale, index) => ({ locale, name: locale, primary: index === 0 })),
    shopifyUnavailable: true,
  };
}
