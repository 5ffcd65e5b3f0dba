import type { EmulatorState } from "../state";
import { buildOrders } from "./build-orders";
import { seedCollections, seedProducts } from "./catalog";
import { seedClock } from "./clock";
import { seedCustomers } from "./customers";
import { IdSequence } from "./ids";
import { ORDER_SPECS } from "./orders";
import { SHOP_LOCALES, seedApp, seedReturnReasons, seedShop } from "./shop";
import { seedThemes } from "./themes";

export { SHOP_DOMAIN } from "./shop";
export { ORDER_SPECS } from "./orders";

/** The demo shop as it is before any request: deterministic for a given `now`. */
export function createSeedState(now: Date, apiKey: string): EmulatorState {
  const ids = new IdSequence();
  const clock = seedClock(now);
  const shop = seedShop(ids, clock);
  const app = seedApp(ids, apiKey);
  const returnReasonDefinitions = seedReturnReasons(ids);
  const products = seedProducts(ids, clock);
  const collections = seedCollections(ids, clock, products);
  const customers = seedCustomers(ids, clock);
  const { orders, returns } = buildOrders(ORDER_SPECS, {
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
