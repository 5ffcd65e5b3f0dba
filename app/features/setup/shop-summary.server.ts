import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { HomeSummary } from "../../shopify/graphql/HomeSummary";
import { callShopify, ShopifyUnavailableError } from "../../shopify/call-shopify.server";
import type { HomeSummaryQuery } from "../../types/admin.generated";

export interface ShopSummary {
  shopName: string;
  domain: string;
  /** Orders placed since the date; null when Shopify did not say. */
  recentOrders: NonNullable<HomeSummaryQuery["ordersCount"]> | null;
  shopifyUnavailable: boolean;
}

/**
 * What the home page greets the merchant with: the shop's name and domain, and how many orders it took since
 * `since` (a `YYYY-MM-DD` date). When Shopify does not answer, the page still opens, without the figures.
 */
export async function getShopSummary(admin: AdminApiContext, shop: string, since: string): Promise<ShopSummary> {
  try {
    const response = await callShopify(() =>
      admin.graphql(HomeSummary, { variables: { recentOrders: `created_at:>=${since}` } }),
    );
    const { data } = await response.json();
    return {
      shopName: data?.shop.name ?? "",
      domain: data?.shop.myshopifyDomain ?? shop,
      recentOrders: data?.ordersCount ?? null,
      shopifyUnavailable: false,
    };
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    console.warn(
      `[home] ${shop}: ${error.message} (${error.cause instanceof Error ? error.cause.message : "unknown"})`,
    );
    return { shopName: "", domain: shop, recentOrders: null, shopifyUnavailable: true };
  }
}
