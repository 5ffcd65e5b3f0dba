import type { EmulatorState } from "../state";
import { buildOrders } from "./build-orders";
import { seedCollections, seedProducts } from "./catalog";
import { seedClock } from "./clock";
import { seedCustomers } from "./customers";
import { IdSequence } from "./ids";
import { ORDER_SPECS } from "./orders";
import { DEMO_SHOP, SHOP_LOCALES, seedApp, seedReturnReasons, seedShop, type ShopProfile } from "./shop";
import { seedThemes } from "./themes";

export { DEMO_SHOP, SHOP_DOMAIN, type ShopProfile } from "./shop";
export { ORDER_SPECS } from "./orders";

/** A shop as it is before any request (the demo shop unless told otherwise): deterministic for a given `now`. */
export function createSeedState(now: Date, apiKey: string, profile: ShopProfile = DEMO_SHOP): EmulatorState {
  const ids = new IdSequence(profile.idOffset);
  const clock = seedClock(now);
  const shop = seedShop(ids, clock, profile);
  const app = seedApp(ids, apiKey);
  const returnReasonDefinitions = seedReturnReasons(ids);
  const products = seedProducts(ids, clock);
  const collections = seedCollections(ids, clock, products);
  const customers = seedCustomers(ids, clock);
  const emailDomain = profile.emailDomain;
  if (emailDomain) for (const customer of customers.values()) customer.email = withDomain(customer.email, emailDomain);
  const specs = emailDomain
    ? ORDER_SPECS.map((spec) =>
        spec.who.startsWith("guest:")
          ? { ...spec, who: `guest:${withDomain(spec.who.slice("guest:".length), emailDomain)}` as const }
          : spec,
      )
    : ORDER_SPECS;
  const { orders, returns } = buildOrders(specs, {
    ids,
    clock,
    products,
    customers,
    reasons: returnReasonDefinitions,
  });
  const themes = seedThemes(ids, clock);
  return {
    formatVersion: 1,
    seededAt: now.toISOString(),
    shop,
    app,
    shopLocales: SHOP_LOCALES.map((locale) => ({ ...locale })),
    products,
    collections,
    customers: [...customers.values()],
    orders,
    returns,
    returnReasonDefinitions,
    appMetafields: [],
    themes,
    nextIds: { ...ids.next },
  };
}

function withDomain(email: string, domain: string): string {
  return `${email.slice(0, email.indexOf("@"))}@${domain}`;
}
