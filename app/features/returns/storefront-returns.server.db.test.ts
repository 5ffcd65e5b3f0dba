// In the db project: the service imports the app's Shopify and database configuration, which the unit project lacks.
import { describe, expect, it } from "vitest";

import {
  chooseExchange,
  noteWithPreference,
  preferenceNote,
  problemsToFields,
  type LineExchange,
} from "./decide-return";
import { exchangeOptionsFor, MAX_EXCHANGE_OPTIONS, toEligibilityOrder } from "./returnable-order.server";
import { submitReturnSchema } from "./storefront-returns.server";

const money = (amount: string) => ({
  shopMoney: { amount, currencyCode: "USD" as const },
  presentmentMoney: { amount, currencyCode: "USD" as const },
});

function orderData(returns: { status: string; quantity: number }[]) {
  const lineId = "gid://shopify/LineItem/1";
  return {
    timezone: "America/New_York",
    order: {
      id: "gid://shopify/Order/1",
      name: "#1001",
      customer: { id: "gid://shopify/Customer/7" },
      currentTotalPriceSet: money("50.0"),
      lineItems: {
        nodes: [
          {
            id: lineId,
            title: "Tee",
            variantTitle: "M",
            quantity: 3,
            unfulfilledQuantity: 0,
            isGiftCard: false,
            originalUnitPriceSet: money("20.0"),
            discountedUnitPriceAfterAllDiscountsSet: money("16.0"),
            product: {
              tags: ["cotton"],
              productType: "Shirts",
              collections: { nodes: [{ id: "gid://shopify/Collection/4" }] },
            },
          },
        ],
      },
      fulfillments: [
        {
          status: "SUCCESS",
          createdAt: "2026-11-01T10:00:00Z",
          deliveredAt: "2026-11-03T10:00:00Z",
          displayStatus: "DELIVERED",
          fulfillmentLineItems: {
            nodes: [{ id: "gid://shopify/FulfillmentLineItem/9", quantity: 2, lineItem: { id: lineId } }],
          },
        },
        {
          status: "CANCELLED",
          createdAt: "2026-11-01T09:00:00Z",
          deliveredAt: null,
          displayStatus: null,
          fulfillmentLineItems: {
            nodes: [{ id: "gid://shopify/FulfillmentLineItem/8", quantity: 1, lineItem: { id: lineId } }],
          },
        },
      ],
      returns: {
        nodes: returns.map((ret, index) => ({
          id: `gid://shopify/Return/${index}`,
          name: `#1001-R${index + 1}`,
          status: ret.status,
          returnLineItems: { nodes: [{ quantity: ret.quantity, fulfillmentLineItem: { lineItem: { id: lineId } } }] },
        })),
      },
    },
  };
}

describe("toEligibilityOrder", () => {
  it("counts units of requested, open and closed returns as returned, not of declined or cancelled ones", () => {
    const order = toEligibilityOrder(
      // The test builds the query's shape by hand; the cast spares repeating codegen's enum types.
      orderData([
        { status: "REQUESTED", quantity: 1 },
        { status: "CLOSED", quantity: 1 },
        { status: "DECLINED", quantity: 1 },
        { status: "CANCELED", quantity: 1 },
      ]) as unknown as Parameters<typeof toEligibilityOrder>[0],
    );
    expect(order.lines[0]?.returnedQuantity).toBe(2);
  });

  it("takes only successful fulfillments, with their delivery, and the product's rules", () => {
    const order = toEligibilityOrder(orderData([]) as unknown as Parameters<typeof toEligibilityOrder>[0]);
    expect(order.timezone).toBe("America/New_York");
    expect(order.lines[0]).toMatchObject({
      returnedQuantity: 0,
      product: { tags: ["cotton"], productType: "Shirts", collectionIds: ["gid://shopify/Collection/4"] },
      fulfillments: [
        {
          fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/9",
          quantity: 2,
          deliveredAt: "2026-11-03T10:00:00Z",
          displayStatus: "DELIVERED",
        },
      ],
    });
  });
});

describe("problemsToFields", () => {
  it("names the field a shopper must fix, with a key the block translates", () => {
    expect(
      problemsToFields([
        { problem: "quantity_over_returnable", index: 1, returnableQuantity: 2 },
        { problem: "line_not_returnable", index: 0, reason: "window_ended" },
        { problem: "note_required", index: 0 },
        { problem: "resolution_not_offered", resolution: "exchange" },
      ]),
    ).toEqual({
      "lines.1.quantity": "over_returnable",
      "lines.0.lineItemId": "window_ended",
      note: "required",
      resolution: "not_offered",
    });
  });
});

describe("submitReturnSchema", () => {
  const valid = {
    idempotencyKey: "3f8a3c1e-2b7d-4c4e-9a51-0d6f1b2c3d4e",
    lines: [{ lineItemId: "gid://shopify/LineItem/1", quantity: "2" }],
    reasonId: "gid://shopify/ReturnReasonDefinition/3",
    note: "  ",
    resolution: "refund",
  };

  it("reads quantities typed as text and treats a blank note as none", () => {
    const parsed = submitReturnSchema.parse(valid);
    expect(parsed.lines[0]?.quantity).toBe(2);
    expect(parsed.note).toBeNull();
  });

  it("needs the variant wanted for an exchange, and a UUID as idempotency key", () => {
    const exchange = submitReturnSchema.safeParse({ ...valid, resolution: "exchange" });
    expect(exchange.success).toBe(false);
    expect(exchange.error?.issues.map((issue) => issue.path.join("."))).toEqual(["exchangeVariantId"]);
    expect(submitReturnSchema.safeParse({ ...valid, idempotencyKey: "1" }).success).toBe(false);
  });
});

describe("exchange options", () => {
  const variant = (id: number, availableForSale = true) => ({
    id: `gid://shopify/ProductVariant/${id}`,
    title: `Size ${id}`,
    availableForSale,
  });

  it("offers the product's other variants, sold-out ones marked, at most 20", () => {
    const product = { title: "Tee", variants: { nodes: [variant(1), variant(2, false), variant(3)] } };
    expect(exchangeOptionsFor("gid://shopify/ProductVariant/1", product)).toEqual([
      { variantId: "gid://shopify/ProductVariant/2", title: "Size 2", available: false },
      { variantId: "gid://shopify/ProductVariant/3", title: "Size 3", available: true },
    ]);
    const many = { title: "Tee", variants: { nodes: Array.from({ length: 21 }, (_, index) => variant(index + 1)) } };
    expect(exchangeOptionsFor("gid://shopify/ProductVariant/5", many)).toHaveLength(MAX_EXCHANGE_OPTIONS);
    expect(exchangeOptionsFor(null, many)).toHaveLength(MAX_EXCHANGE_OPTIONS);
  });

  const exchanges = new Map<string, LineExchange>([
    [
      "gid://shopify/LineItem/1",
      {
        productTitle: "Tee",
        options: [
          { variantId: "gid://shopify/ProductVariant/2", title: "M", available: true },
          { variantId: "gid://shopify/ProductVariant/3", title: "L", available: false },
        ],
      },
    ],
    ["gid://shopify/LineItem/2", { productTitle: "Hoodie", options: [] }],
  ]);
  const request = (exchangeVariantId: string) => ({
    resolution: "exchange" as const,
    exchangeVariantId,
    lines: [
      { lineItemId: "gid://shopify/LineItem/1", quantity: 2 },
      { lineItemId: "gid://shopify/LineItem/2", quantity: 1 },
    ],
  });

  it("exchanges the units of the line whose product has the wanted variant", () => {
    expect(chooseExchange(request("gid://shopify/ProductVariant/2"), exchanges)).toEqual({
      choice: { variantId: "gid://shopify/ProductVariant/2", label: "Tee - M", quantity: 2 },
    });
  });

  it("refuses a variant no requested line offers, and a sold-out one", () => {
    expect(chooseExchange(request("gid://shopify/ProductVariant/9"), exchanges)).toEqual({ problem: "not_offered" });
    expect(chooseExchange(request("gid://shopify/ProductVariant/3"), exchanges)).toEqual({ problem: "unavailable" });
    const onlyHoodie = { ...request("gid://shopify/ProductVariant/2"), lines: [request("").lines[1]!] };
    expect(chooseExchange(onlyHoodie, exchanges)).toEqual({ problem: "not_offered" });
    expect(
      chooseExchange({ ...request("gid://shopify/ProductVariant/2"), resolution: "refund" }, exchanges),
    ).toBeNull();
  });

  it("puts the preference before the shopper's note, within Shopify's length", () => {
    const choice = { variantId: "gid://shopify/ProductVariant/2", label: "Tee - M", quantity: 1 };
    expect(preferenceNote("refund", null)).toBeNull();
    expect(preferenceNote("storeCredit", null)).toBe("Preference: store credit");
    expect(preferenceNote("exchange", choice)).toBe("Preference: exchange for Tee - M");
    expect(noteWithPreference(null, null, 300)).toBeNull();
    expect(noteWithPreference("Too small", null, 300)).toBe("Too small");
    expect(noteWithPreference("Too small", "Preference: store credit", 300)).toBe(
      "Preference: store credit\nToo small",
    );
    const long = noteWithPreference("x".repeat(300), "Preference: store credit", 300)!;
    expect(long).toHaveLength(300);
    expect(long.startsWith("Preference: store credit\n")).toBe(true);
    expect(long.endsWith("…")).toBe(true);
  });
});
