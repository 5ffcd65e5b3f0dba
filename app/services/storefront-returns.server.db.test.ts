// In the db project: the service imports the app's Shopify and database configuration, which the unit project lacks.
import { describe, expect, it } from "vitest";

import { problemsToFields, submitReturnSchema, toEligibilityOrder } from "./storefront-returns.server";

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
