import { describe, expect, it, vi } from "vitest";

import type { ReturnPolicy, ReturnPolicyInput } from "../policy/ReturnPolicy.server";
import type { EligibilityFulfillment, EligibilityLine, MoneyBag } from "./check-return-eligibility.server";
import type { LineExchange, OrderForReturn, ReturnPlan, ShopperReturnRequest } from "./decide-return";

// The policy model reads the app's configuration when loaded (it owns the database access too).
await vi.hoisted(async () => {
  const { TEST_APP_ENV } = await import("../../../test/app-env");
  Object.assign(process.env, TEST_APP_ENV);
});
const { returnPolicySchema } = await import("../policy/ReturnPolicy.server");
const { decideReturn } = await import("./decide-return");

const NOW = new Date("2026-11-20T15:00:00Z");
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

const SMALL = "gid://shopify/ReturnReasonDefinition/1";
const DAMAGED = "gid://shopify/ReturnReasonDefinition/2";
const OTHER = "gid://shopify/ReturnReasonDefinition/3";
const TEE = "gid://shopify/LineItem/10";
const MUG = "gid://shopify/LineItem/20";
const MEDIUM = "gid://shopify/ProductVariant/102";
const LARGE = "gid://shopify/ProductVariant/103";

/** Every resolution offered, three reasons ("other" needs a note), no fee, no auto-approval unless given. */
function policy(overrides: ReturnPolicyInput = {}): ReturnPolicy {
  return returnPolicySchema.parse({
    reasons: [
      { id: SMALL, handle: "size-too-small" },
      { id: DAMAGED, handle: "defective" },
      { id: OTHER, handle: "other", noteRequired: true },
    ],
    ...overrides,
  });
}

const autoApproving = (autoApprove: object = {}, overrides: ReturnPolicyInput = {}) =>
  policy({
    autoApprove: { enabled: true, reviewReasonIds: [DAMAGED], maxOrderValue: "200", withinDays: 20, ...autoApprove },
    ...overrides,
  });

const usd = (amount: string): MoneyBag => ({
  shopMoney: { amount, currencyCode: "USD" },
  presentmentMoney: { amount, currencyCode: "USD" },
});

function delivered(id: number, days: number, quantity: number): EligibilityFulfillment {
  return {
    fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${id}`,
    quantity,
    createdAt: daysAgo(days + 2),
    deliveredAt: daysAgo(days),
    displayStatus: "DELIVERED",
  };
}

function line(id: string, fulfillments: EligibilityFulfillment[], overrides: Partial<EligibilityLine> = {}) {
  return {
    id,
    quantity: fulfillments.reduce((sum, fulfillment) => sum + fulfillment.quantity, 0),
    unfulfilledQuantity: 0,
    returnedQuantity: 0,
    isGiftCard: false,
    product: { tags: [], productType: "T-Shirt", collectionIds: [] },
    originalUnitPrice: usd("25.00"),
    discountedUnitPrice: usd("25.00"),
    fulfillments,
    ...overrides,
  } satisfies EligibilityLine;
}

const teeExchange: LineExchange = {
  productTitle: "Classic Tee",
  options: [
    { variantId: MEDIUM, title: "M", available: true },
    { variantId: LARGE, title: "L", available: false },
  ],
};

/** Order #1001: three tees in two parcels (one delivered 14 days ago, two 10 days ago), a mug on final sale. */
function order(overrides: Partial<OrderForReturn> = {}): OrderForReturn {
  return {
    id: "gid://shopify/Order/1001",
    timezone: "America/New_York",
    totalPrice: usd("100.00"),
    lines: [
      line(TEE, [delivered(1, 14, 1), delivered(2, 10, 2)]),
      line(MUG, [delivered(3, 10, 1)], { product: { tags: ["final-sale"], productType: "Mug", collectionIds: [] } }),
    ],
    exchanges: new Map([[TEE, teeExchange]]),
    ...overrides,
  };
}

function request(overrides: Partial<ShopperReturnRequest> = {}): ShopperReturnRequest {
  return {
    lines: [{ lineItemId: TEE, quantity: 1 }],
    reasonId: SMALL,
    note: null,
    resolution: "refund",
    exchangeVariantId: null,
    ...overrides,
  };
}

function decide(rules: ReturnPolicy, shopper: ShopperReturnRequest, theOrder = order()) {
  return decideReturn({ policy: rules, order: theOrder, request: shopper, now: NOW });
}

function plan(rules: ReturnPolicy, shopper: ShopperReturnRequest, theOrder = order()): ReturnPlan {
  const decision = decide(rules, shopper, theOrder);
  if (!decision.ok) throw new Error(`refused: ${JSON.stringify(decision.fieldErrors)}`);
  return decision.plan;
}

function fieldErrors(rules: ReturnPolicy, shopper: ShopperReturnRequest, theOrder = order()) {
  const decision = decide(rules, shopper, theOrder);
  if (decision.ok) throw new Error("filed what should have been refused");
  return decision.fieldErrors;
}

describe("what is filed", () => {
  it("files the requested units of an eligible line, from the parcel whose window ends first, with the reason", () => {
    const filed = plan(policy(), request({ lines: [{ lineItemId: TEE, quantity: 2 }] }));
    expect(filed.orderId).toBe("gid://shopify/Order/1001");
    expect(filed.lines).toEqual([
      {
        fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/1",
        quantity: 1,
        returnReasonDefinitionId: SMALL,
        restockingFeePercentage: 0,
      },
      {
        fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/2",
        quantity: 1,
        returnReasonDefinitionId: SMALL,
        restockingFeePercentage: 0,
      },
    ]);
    expect(filed.merchantNote).toBeNull();
    expect(filed.returnShippingFee).toBeNull();
    expect(filed.quote.itemsValue).toEqual({ amount: "50.00", currencyCode: "USD" });
  });

  it("passes the shopper's note to the merchant as typed", () => {
    expect(plan(policy(), request({ reasonId: OTHER, note: "The seam came apart" })).merchantNote).toBe(
      "The seam came apart",
    );
  });

  it("charges the policy's restocking fee per unit and its return shipping fee once", () => {
    const rules = policy({
      resolutions: {
        refund: {
          enabled: true,
          restockingFee: { type: "percentage", percentage: 10 },
          returnShippingFee: { type: "fixed", amount: "6.00" },
        },
      },
    });
    const filed = plan(rules, request({ lines: [{ lineItemId: TEE, quantity: 3 }] }));
    expect(filed.lines.map((planned) => [planned.quantity, planned.restockingFeePercentage])).toEqual([
      [1, 10],
      [2, 10],
    ]);
    expect(filed.returnShippingFee).toEqual({ amount: "6.00", currencyCode: "USD" });
    expect(filed.quote.totalFees).toEqual({ amount: "13.50", currencyCode: "USD" });
    expect(filed.quote.netValue).toEqual({ amount: "61.50", currencyCode: "USD" });
    // Store credit is free under this policy.
    const credit = plan(rules, request({ resolution: "storeCredit" }));
    expect(credit.lines[0]?.restockingFeePercentage).toBe(0);
    expect(credit.returnShippingFee).toBeNull();
  });

  it("tells the merchant a store credit preference, which Shopify has no field for, before the note", () => {
    const filed = plan(policy(), request({ resolution: "storeCredit", note: "Gift" }));
    expect(filed.resolution).toBe("storeCredit");
    expect(filed.merchantNote).toBe("Preference: store credit\nGift");
    expect(filed.exchangeLines).toEqual([]);
  });
});

describe("field errors the shopper sees", () => {
  it("names a line that cannot be returned, with the reason the block shows", () => {
    expect(fieldErrors(policy(), request({ lines: [{ lineItemId: MUG, quantity: 1 }] }))).toEqual({
      "lines.0.lineItemId": "final_sale",
    });
    expect(
      fieldErrors(policy(), request({ lines: [{ lineItemId: "gid://shopify/LineItem/99", quantity: 1 }] })),
    ).toEqual({ "lines.0.lineItemId": "unknown_line" });
    const late = order({ lines: [line(TEE, [delivered(1, 40, 3)])] });
    expect(fieldErrors(policy(), request(), late)).toEqual({ "lines.0.lineItemId": "window_ended" });
  });

  it("refuses more units than are returnable", () => {
    expect(fieldErrors(policy(), request({ lines: [{ lineItemId: TEE, quantity: 4 }] }))).toEqual({
      "lines.0.quantity": "over_returnable",
    });
    const partlyReturned = order({
      lines: [line(TEE, [delivered(1, 14, 1), delivered(2, 10, 2)], { returnedQuantity: 2 })],
    });
    expect(fieldErrors(policy(), request({ lines: [{ lineItemId: TEE, quantity: 2 }] }), partlyReturned)).toEqual({
      "lines.0.quantity": "over_returnable",
    });
  });

  it("asks for the note a reason requires", () => {
    expect(fieldErrors(policy(), request({ reasonId: OTHER }))).toEqual({ note: "required" });
  });

  it("refuses a reason the policy does not offer", () => {
    expect(fieldErrors(policy(), request({ reasonId: "gid://shopify/ReturnReasonDefinition/77" }))).toEqual({
      reasonId: "not_offered",
    });
  });

  it("refuses a resolution the merchant turned off", () => {
    const noCredit = policy({ resolutions: { storeCredit: { enabled: false } } });
    expect(fieldErrors(noCredit, request({ resolution: "storeCredit" }))).toEqual({ resolution: "not_offered" });
    const noExchange = policy({ resolutions: { exchange: { enabled: false } } });
    expect(fieldErrors(noExchange, request({ resolution: "exchange", exchangeVariantId: MEDIUM }))).toEqual({
      resolution: "not_offered",
    });
  });

  it("needs an available variant of the line's product for an exchange", () => {
    expect(fieldErrors(policy(), request({ resolution: "exchange" }))).toEqual({ exchangeVariantId: "required" });
    expect(fieldErrors(policy(), request({ resolution: "exchange", exchangeVariantId: LARGE }))).toEqual({
      exchangeVariantId: "unavailable",
    });
    expect(
      fieldErrors(policy(), request({ resolution: "exchange", exchangeVariantId: "gid://shopify/ProductVariant/9" })),
    ).toEqual({ exchangeVariantId: "not_offered" });
  });

  it("reports every problem at once", () => {
    expect(
      fieldErrors(
        policy(),
        request({
          reasonId: OTHER,
          lines: [
            { lineItemId: TEE, quantity: 4 },
            { lineItemId: MUG, quantity: 1 },
          ],
        }),
      ),
    ).toEqual({ "lines.0.quantity": "over_returnable", "lines.1.lineItemId": "final_sale", note: "required" });
  });
});

describe("approved at once or for the merchant to review", () => {
  it("files a request for review while auto-approval is off", () => {
    const filed = plan(policy(), request());
    expect(filed.mutation).toBe("returnRequest");
    expect(filed.reviewCauses).toEqual([{ cause: "auto_approve_off" }]);
  });

  it("opens the return at once when every rule holds", () => {
    const filed = plan(autoApproving(), request());
    expect(filed.mutation).toBe("returnCreate");
    expect(filed.reviewCauses).toEqual([]);
  });

  it("sends a reason the merchant reviews to review", () => {
    expect(plan(autoApproving(), request({ reasonId: DAMAGED })).mutation).toBe("returnRequest");
  });

  it("sends an order at or above the value limit to review", () => {
    expect(plan(autoApproving({ maxOrderValue: "100.00" }), request()).mutation).toBe("returnRequest");
    expect(plan(autoApproving({ maxOrderValue: "100.01" }), request()).mutation).toBe("returnCreate");
  });

  it("sends units delivered longer ago than the auto-approval window to review", () => {
    // The first tee (the one taken first) was delivered 14 days ago.
    expect(plan(autoApproving({ withinDays: 12 }), request()).mutation).toBe("returnRequest");
    expect(plan(autoApproving({ withinDays: 14 }), request()).mutation).toBe("returnCreate");
  });

  it("carries an approved exchange as Shopify's exchange line, and a requested one in the merchant's note", () => {
    const exchange = request({ resolution: "exchange", exchangeVariantId: MEDIUM, note: "Too small" });
    const approved = plan(autoApproving(), exchange);
    expect(approved.mutation).toBe("returnCreate");
    expect(approved.exchangeLines).toEqual([{ variantId: MEDIUM, quantity: 1 }]);
    expect(approved.merchantNote).toBe("Too small");

    const requested = plan(policy(), exchange);
    expect(requested.mutation).toBe("returnRequest");
    expect(requested.exchangeLines).toEqual([]);
    expect(requested.merchantNote).toBe("Preference: exchange for Classic Tee - M\nToo small");
  });

  it("keeps the merchant's note within what Shopify takes on each mutation", () => {
    const long = request({ resolution: "storeCredit", note: "x".repeat(300) });
    expect(plan(autoApproving(), long).merchantNote).toHaveLength(255);
    expect(plan(policy(), long).merchantNote).toHaveLength(300);
  });
});
