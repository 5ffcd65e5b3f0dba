import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { ShopTimezone } from "./graphql/ShopTimezone";
import { callShopify, ShopifyUnavailableError } from "./call-shopify.server";

/** A shop's time zone changes rarely: asked once an hour per shop, not on every page. */
const CACHE_MS = 60 * 60 * 1000;
const cache = new Map<string, { timezone: string; expires: number }>();

/**
 * The shop's time zone (`Shop.ianaTimezone`), in which the admin shows the times shoppers wrote. Only for display:
 * when Shopify does not answer at once, the page shows UTC (and says so) rather than wait or fail.
 */
export async function getShopTimezone(admin: AdminApiContext, shop: string, now = Date.now()): Promise<string> {
  const cached = cache.get(shop);
  if (cached && cached.expires > now) return cached.timezone;
  try {
    const response = await callShopify(() => admin.graphql(ShopTimezone), { attempts: 1, backoffMs: 0 });
    const { data } = await response.json();
    const timezone = data?.shop.ianaTimezone;
    if (!timezone || !isKnownTimezone(timezone)) return "UTC";
    cache.set(shop, { timezone, expires: now + CACHE_MS });
    return timezone;
  } catch (error) {
    if (!(error instanceof ShopifyUnavailableError)) throw error;
    console.warn(`[requests] ${shop}: time zone unavailable, showing UTC (${error.message})`);
    return "UTC";
  }
}

function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** For tests. */
export function forgetShopTimezones() {
  cache.clear();
}
