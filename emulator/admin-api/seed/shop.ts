import type { AppRecord, ReturnReasonDefinitionRecord, ShopLocaleRecord, ShopRecord } from "../state";
import type { SeedClock } from "./clock";
import type { IdSequence } from "./ids";

export const SHOP_DOMAIN = "resolve-demo.myshopify.com";

export function seedShop(ids: IdSequence, clock: SeedClock): ShopRecord {
  return {
    id: ids.take("Shop"),
    name: "Resolve Demo Store",
    myshopifyDomain: SHOP_DOMAIN,
    primaryDomainHost: SHOP_DOMAIN,
    email: "owner@resolve-demo.example.com",
    contactEmail: "support@resolve-demo.example.com",
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
