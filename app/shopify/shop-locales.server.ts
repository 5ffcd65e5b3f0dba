import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { ShopLocales } from "./graphql/ShopLocales";
import { callShopify } from "./call-shopify.server";

export interface ShopLocale {
  locale: string;
  name: string;
  primary: boolean;
}

/** The shop's published languages, primary first: the languages shopper-facing content is written in. */
export async function getShopLocales(admin: AdminApiContext): Promise<ShopLocale[]> {
  const response = await callShopify(() => admin.graphql(ShopLocales));
  const { data } = await response.json();
  const locales = (data?.shopLocales ?? []).map(({ locale, name, primary }) => ({ locale, name, primary }));
  return locales.sort((a, b) => Number(b.primary) - Number(a.primary));
}
