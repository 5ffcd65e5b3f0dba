import { gid } from "../ids";
import type { ShopLocaleRecord, ShopRecord } from "../state";
import type { View } from "./common";

/** The shop's UTC offset and zone abbreviation at `now` (they change with daylight saving time). */
function timezoneAt(zone: string, now: Date) {
  const part = (timeZoneName: "short" | "longOffset") =>
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName })
      .formatToParts(now)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  const offset = /GMT([+-])(\d{2}):(\d{2})/.exec(part("longOffset"));
  const sign = offset?.[1] === "-" ? -1 : 1;
  const minutes = offset ? sign * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { abbreviation: part("short"), minutes, offset: offset ? `${offset[1]}${offset[2]}${offset[3]}` : "+0000" };
}

export function shopView(shop: ShopRecord, now: Date): View {
  const zone = timezoneAt(shop.ianaTimezone, now);
  const url = `https://${shop.primaryDomainHost}`;
  return {
    __typename: "Shop",
    id: gid("Shop", shop.id),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.contactEmail,
    myshopifyDomain: shop.myshopifyDomain,
    url,
    primaryDomain: {
      __typename: "Domain",
      id: gid("Domain", shop.id),
      host: shop.primaryDomainHost,
      url,
      sslEnabled: true,
    },
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: shop.enabledPresentmentCurrencies,
    currencyFormats: {
      moneyFormat: "${{amount}}",
      moneyWithCurrencyFormat: "${{amount}} USD",
      moneyInEmailsFormat: "${{amount}}",
      moneyWithCurrencyInEmailsFormat: "${{amount}} USD",
    },
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: zone.abbreviation,
    timezoneOffset: zone.offset,
    timezoneOffsetMinutes: zone.minutes,
    shopOwnerName: shop.shopOwnerName,
    plan: { publicDisplayName: shop.planName, partnerDevelopment: false, shopifyPlus: false },
    description: null,
    orderNumberFormatPrefix: "#",
    orderNumberFormatSuffix: "",
    weightUnit: "POUNDS",
    unitSystem: "IMPERIAL_SYSTEM",
    taxesIncluded: false,
    taxShipping: false,
    setupRequired: false,
    checkoutApiSupported: true,
    transactionalSmsDisabled: false,
    createdAt: shop.createdAt,
    updatedAt: shop.createdAt,
  };
}

export function shopLocaleView(locale: ShopLocaleRecord): View {
  return {
    __typename: "ShopLocale",
    locale: locale.locale,
    name: locale.name,
    primary: locale.primary,
    published: locale.published,
    marketWebPresences: [],
  };
}
