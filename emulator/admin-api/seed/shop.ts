import type { AppRecord, ReturnReasonDefinitionRecord, ShopLocaleRecord, ShopRecord } from "../state";
import type { SeedClock } from "./clock";
import type { IdSequence } from "./ids";

export const SHOP_DOMAIN = "resolve-demo.myshopify.com";

/** Which shop a seed is for: the demo shop, or another one the emulator hosts beside it. */
export interface ShopProfile {
  domain: string;
  name: string;
  /**
   * Added to every seeded id: Shopify's ids are unique across shops, so one shop's order or customer id names
   * nothing in another. The app's id stays (one app, installed in every shop).
   */
  idOffset: number;
  /**
   * The domain of the shop's customer and guest emails; unset keeps the demo's. Another shop's shoppers are other
   * people: the same order numbers (#1001…) with other emails.
   */
  emailDomain?: string;
}

export const DEMO_SHOP: ShopProfile = { domain: SHOP_DOMAIN, name: "Resolve Demo Store", idOffset: 0 };

export function seedShop(ids: IdSequence, clock: SeedClock, profile: ShopProfile = DEMO_SHOP): ShopRecord {
  const handle = profile.domain.replace(/\.myshopify\.com$/, "");
  return {
    id: ids.take("Shop"),
    name: profile.name,
    myshopifyDomain: profile.domain,
    primaryDomainHost: profile.domain,
    email: `owner@${handle}.example.com`,
    contactEmail: `support@${handle}.example.com`,
    currencyCode: "USD",
    enabledPresentmentCurrencies: ["USD", "EUR", "CAD"],
    ianaTimezone: "America/New_York",
    timezoneAbbreviation: "EST",
    timezoneOffsetMinutes: -300,
    shopOwnerName: "Riley Chen",
    planName: "Shopify",
    createdAt: clock.ago(900),
  };
}

export function seedApp(ids: IdSequence, apiKey: string): AppRecord {
  return {
    id: ids.take("App"),
    title: "Resolve",
    handle: "resolve",
    apiKey,
    installationId: ids.take("AppInstallation"),
    accessScopes: [
      "read_orders",
      "read_returns",
      "write_returns",
      "read_products",
      "read_customers",
      "read_themes",
      "write_app_proxy",
    ],
  };
}

export const SHOP_LOCALES: ShopLocaleRecord[] = [
  { locale: "en", name: "English", primary: true, published: true },
  { locale: "fr", name: "French", primary: false, published: true },
  { locale: "de", name: "German", primary: false, published: true },
  { locale: "es", name: "Spanish", primary: false, published: true },
  { locale: "ja", name: "Japanese", primary: false, published: false },
];

/** Shopify's standard return reasons a new shop offers (names as shown to buyers). */
const RETURN_REASON_NAMES = [
  "Size too small",
  "Size too large",
  "Changed my mind",
  "Not as described",
  "Damaged or defective",
  "Wrong item sent",
  "Other",
];

export function seedReturnReasons(ids: IdSequence): ReturnReasonDefinitionRecord[] {
  return RETURN_REASON_NAMES.map((name) => ({
    id: ids.take("ReturnReasonDefinition"),
    handle: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    name,
    deleted: false,
  }));
}
