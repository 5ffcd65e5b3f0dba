import { describe, expect, it } from "vitest";
import { data, testApi, TEST_NOW, type Json } from "./testing";

const DAY = 86_400_000;

const ORDER_FIELDS = `
  name email cancelledAt displayFinancialStatus displayFulfillmentStatus returnStatus presentmentCurrencyCode customerLocale
  customer { id }
  lineItems(first: 5) { nodes { quantity isGiftCard totalDiscountSet { shopMoney { amount } } product { tags collections(first: 5) { nodes { handle } } } } }
  fulfillments(first: 3) { status displayStatus deliveredAt estimatedDeliveryAt trackingInfo { company number url } events(first: 5) { nodes { status } } }
  returns(first: 3) { nodes { status totalQuantity } }
`;

async function allOrders(api: ReturnType<typeof testApi>): Promise<Json[]> {
  const orders: Json[] = [];
  let after: string | null = null;
  do {
    const page: Json = await data(
      api,
      `query($after: String) { orders(first: 5, after: $after, sortKey: ORDER_NUMBER) { nodes { ${ORDER_FIELDS} } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    orders.push(...page.orders.nodes);
    after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  } while (after);
  return orders;
}

const daysAgo = (iso: string | null) => (iso ? (TEST_NOW.getTime() - Date.parse(iso)) / DAY : NaN);
const amount = (money: Json) => Number(money.shopMoney.amount);
const lines = (o: Json): Json[] => o.lineItems.nodes;
const units = (o: Json) => lines(o).reduce((sum, l) => sum + l.quantity, 0);
const returned = (o: Json) =>
  o.returns.nodes
    .filter((r: Json) => r.status !== "DECLINED")
    .reduce((sum: number, r: Json) => sum + r.totalQuantity, 0);

/** Every situation the demo and the app's tests rely on; the seed must keep at least one of each. */
const SITUATIONS: Record<string, (order: Json, all: Json[]) => boolean> = {
  unfulfilled: (o) => o.displayFulfillmentStatus === "UNFULFILLED" && !o.cancelledAt,
  "partially fulfilled": (o) => o.displayFulfillmentStatus === "PARTIALLY_FULFILLED",
  "partially fulfilled in two fulfillments": (o) =>
    o.displayFulfillmentStatus === "PARTIALLY_FULFILLED" && o.fulfillments.length >= 2,
  "in transit with tracking and events": (o) =>
    o.fulfillments.some(
      (f: Json) =>
        f.displayStatus === "IN_TRANSIT" &&
        f.trackingInfo[0]?.number &&
        f.trackingInfo[0]?.url &&
        f.trackingInfo[0]?.company &&
        f.estimatedDeliveryAt &&
        f.events.nodes.some((e: Json) => e.status === "IN_TRANSIT"),
    ),
  "out for delivery": (o) => o.fulfillments.some((f: Json) => f.displayStatus === "OUT_FOR_DELIVERY"),
  "delayed in transit": (o) => o.fulfillments.some((f: Json) => f.displayStatus === "DELAYED"),
  "delivered in the last 7 days": (o) =>
    o.fulfillments.some((f: Json) => f.displayStatus === "DELIVERED" && daysAgo(f.deliveredAt) < 7),
  "delivered 90+ days ago": (o) => o.fulfillments.some((f: Json) => daysAgo(f.deliveredAt) > 90),
  "fulfilled, no delivery date": (o) =>
    o.fulfillments.some(
      (f: Json) =>
        f.status === "SUCCESS" && !f.deliveredAt && ["FULFILLED", "MARKED_AS_FULFILLED"].includes(f.displayStatus),
    ) && !lines(o).every((l) => l.isGiftCard),
  "partially returned": (o) => o.returnStatus === "IN_PROGRESS" && returned(o) < units(o),
  "return requested": (o) => o.returnStatus === "RETURN_REQUESTED",
  "return declined": (o) => o.returns.nodes.some((r: Json) => r.status === "DECLINED"),
  "fully returned and refunded": (o) => o.returnStatus === "RETURNED" && o.displayFinancialStatus === "REFUNDED",
  "partially refunded": (o) => o.displayFinancialStatus === "PARTIALLY_REFUNDED",
  "final sale by tag": (o) => lines(o).some((l) => l.product?.tags.includes("final-sale")),
  "final sale by collection only": (o) =>
    lines(o).some(
      (l) =>
        !l.product?.tags.includes("final-sale") &&
        l.product?.collections.nodes.some((c: Json) => c.handle === "final-sale"),
    ),
  "discounted line": (o) => lines(o).some((l) => amount(l.totalDiscountSet) > 0),
  "gift card line": (o) => lines(o).some((l) => l.isGiftCard),
  "EUR presentment": (o) => o.presentmentCurrencyCode === "EUR",
  "CAD presentment": (o) => o.presentmentCurrencyCode === "CAD",
  "French customer locale": (o) => o.customerLocale === "fr",
  "guest (no customer, email only)": (o) => o.customer === null && Boolean(o.email),
  "customer with several orders": (o, all) =>
    o.customer !== null && all.filter((x) => x.customer?.id === o.customer.id).length >= 3,
  cancelled: (o) => Boolean(o.cancelledAt),
  "3+ lines with quantities > 1": (o) => lines(o).length >= 3 && lines(o).some((l) => l.quantity > 1),
  "payment pending": (o) => o.displayFinancialStatus === "PENDING",
};

describe("the demo shop seed", () => {
  const api = testApi();

  it("has at least 40 orders", async () => {
    expect((await allOrders(api)).length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.keys(SITUATIONS))("has an order that is %s", async (situation) => {
    const orders = await allOrders(api);
    const matching = orders.filter((o) => SITUATIONS[situation]!(o, orders)).map((o) => o.name);
    expect(matching, situation).not.toEqual([]);
  });

  it("has the catalog, customers, locales, reasons and themes the app needs", async () => {
    const result = await data(
      api,
      `{
      shop { name myshopifyDomain currencyCode contactEmail ianaTimezone primaryDomain { host url } }
      shopLocales { locale primary published }
      products(first: 25) { nodes { title productType vendor isGiftCard tags variants(first: 5) { nodes { sku price selectedOptions { name value } } } } }
      collections(first: 10) { nodes { title handle productsCount { count } } }
      customers(first: 25) { nodes { id displayName locale defaultEmailAddress { emailAddress } } }
      returnReasonDefinitions(first: 20) { nodes { id handle name } }
      themes(first: 5) { nodes { name role } }
    }`,
    );
    expect(result.shop).toMatchObject({
      name: "Resolve Demo Store",
      myshopifyDomain: "resolve-demo.myshopify.com",
      currencyCode: "USD",
    });
    expect(result.shopLocales).toEqual([
      { locale: "en", primary: true, published: true },
      { locale: "fr", primary: false, published: true },
      { locale: "de", primary: false, published: true },
      { locale: "es", primary: false, published: true },
      { locale: "ja", primary: false, published: false },
    ]);
    expect(result.products.nodes.length).toBeGreaterThanOrEqual(15);
    expect(result.products.nodes.filter((p: Json) => p.isGiftCard)).toHaveLength(1);
    expect(
      result.products.nodes.every(
        (p: Json) => p.productType && p.vendor && p.tags.length > 0 && p.variants.nodes.every((v: Json) => v.sku),
      ),
    ).toBe(true);
    expect(result.collections.nodes.map((c: Json) => c.title)).toEqual(expect.arrayContaining(["Final sale", "Sale"]));
    expect(result.customers.nodes.length).toBeGreaterThanOrEqual(10);
    expect(result.returnReasonDefinitions.nodes.map((r: Json) => r.name)).toEqual([
      "Size too small",
      "Size too large",
      "Changed my mind",
      "Not as described",
      "Damaged or defective",
      "Wrong item sent",
      "Other",
    ]);
    expect(result.themes.nodes).toEqual([
      { name: "Dawn", role: "MAIN" },
      { name: "Dawn - holiday draft", role: "UNPUBLISHED" },
    ]);
  });

  it("is deterministic for a given reference time", () => {
    expect(JSON.stringify(testApi().state)).toBe(JSON.stringify(testApi().state));
  });
});
