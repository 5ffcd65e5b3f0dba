import { describe, expect, it, vi } from "vitest";

import type { ReturnPolicy, ReturnPolicyInput } from "../policy/ReturnPolicy.server";
import type {
  EligibilityFulfillment,
  EligibilityLine,
  EligibilityOrder,
  EligibleLine,
  IneligibleLine,
  LineEligibility,
  MoneyBag,
} from "./check-return-eligibility.server";

// The policy model reads the app's configuration when loaded (it owns the database access too).
await vi.hoisted(async () => {
  const { TEST_APP_ENV } = await import("../../../test/app-env");
  Object.assign(process.env, TEST_APP_ENV);
});
const { returnPolicySchema } = await import("../policy/ReturnPolicy.server");
const {
  addDays,
  allocateReturnUnits,
  checkReturnEligibility,
  localDate,
  quoteReturn,
  shouldAutoApprove,
  validateReturnRequest,
} = await import("./check-return-eligibility.server");

type FeeInput = { type: "percentage"; percentage: number } | { type: "fixed"; amount: string };

const NOW = new Date("2026-11-20T15:00:00Z"); // 10:00 in New York
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function policy(overrides: ReturnPolicyInput = {}): ReturnPolicy {
  return returnPolicySchema.parse({ finalSale: { tags: ["final-sale"] }, ...overrides });
}

function usd(amount: string): MoneyBag {
  return { shopMoney: { amount, currencyCode: "USD" }, presentmentMoney: { amount, currencyCode: "USD" } };
}

function bag(shop: string, presentment: string, currencyCode: string): MoneyBag {
  return {
    shopMoney: { amount: shop, currencyCode: "USD" },
    presentmentMoney: { amount: presentment, currencyCode },
  };
}

let nextId = 1;
function delivered(days: number, quantity = 1, shippedDaysBefore = 3): EligibilityFulfillment {
  return {
    fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${nextId++}`,
    quantity,
    createdAt: daysAgo(days + shippedDaysBefore),
    deliveredAt: daysAgo(days),
    displayStatus: "DELIVERED",
  };
}
function shipped(days: number, displayStatus: string, quantity = 1): EligibilityFulfillment {
  return {
    fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${nextId++}`,
    quantity,
    createdAt: daysAgo(days),
    deliveredAt: null,
    displayStatus,
  };
}

function line(overrides: Partial<EligibilityLine> = {}): EligibilityLine {
  const fulfillments = overrides.fulfillments ?? [delivered(10, overrides.quantity ?? 1)];
  const quantity = overrides.quantity ?? fulfillments.reduce((sum, f) => sum + f.quantity, 0);
  return {
    id: `gid://shopify/LineItem/${nextId++}`,
    quantity,
    unfulfilledQuantity: 0,
    returnedQuantity: 0,
    isGiftCard: false,
    product: { tags: ["cotton"], productType: "T-Shirt", collectionIds: ["gid://shopify/Collection/11"] },
    originalUnitPrice: usd("25.00"),
    discountedUnitPrice: usd("25.00"),
    ...overrides,
    fulfillments,
  };
}

function order(lines: EligibilityLine[], overrides: Partial<EligibilityOrder> = {}): EligibilityOrder {
  return { timezone: "America/New_York", totalPrice: usd("100.00"), lines, ...overrides };
}

function judge(
  target: EligibilityLine,
  rules: ReturnPolicy = policy(),
  now = NOW,
  extra: Partial<EligibilityOrder> = {},
) {
  const result = checkReturnEligibility(rules, order([target], extra), now);
  return result.lines[0]!;
}
function eligible(result: LineEligibility): EligibleLine {
  expect(result.eligible).toBe(true);
  return result as EligibleLine;
}
function ineligible(result: LineEligibility): IneligibleLine {
  expect(result.eligible).toBe(false);
  return result as IneligibleLine;
}

describe("the return window", () => {
  it("accepts an item delivered 20 days ago under a 30-day policy and says until when", () => {
    const result = eligible(judge(line({ fulfillments: [delivered(20)] })));
    expect(result.returnableQuantity).toBe(1);
    expect(result.returnBy).toBe("2026-11-30"); // delivered Oct 31 (New York) + 30 days
    expect(result.unavailable).toEqual([]);
  });

  it("refuses an item delivered 35 days ago and names the last day it could have been returned", () => {
    const result = ineligible(judge(line({ fulfillments: [delivered(35)] })));
    expect(result.reason).toEqual({ reason: "window_ended", quantity: 1, windowEndedOn: "2026-11-15" });
  });

  it("follows the merchant's window length", () => {
    expect(judge(line({ fulfillments: [delivered(35)] }), policy({ windowDays: 60 })).eligible).toBe(true);
    expect(judge(line({ fulfillments: [delivered(20)] }), policy({ windowDays: 14 })).eligible).toBe(false);
  });

  it("counts calendar days in the shop's timezone: the last day lasts until midnight there", () => {
    // Delivered at 23:30 on Oct 31 in New York (03:30 UTC on Nov 1, the night the clocks go back).
    const item = line({
      fulfillments: [
        {
          fulfillmentLineItemId: "gid://shopify/FulfillmentLineItem/900",
          quantity: 1,
          createdAt: "2026-10-28T12:00:00Z",
          deliveredAt: "2026-11-01T03:30:00Z",
          displayStatus: "DELIVERED",
        },
      ],
    });
    const lastMinute = new Date("2026-12-01T04:59:00Z"); // 23:59 on Nov 30 in New York
    const nextMorning = new Date("2026-12-01T05:00:00Z"); // 00:00 on Dec 1 in New York
    expect(eligible(judge(item, policy(), lastMinute)).returnBy).toBe("2026-11-30");
    expect(ineligible(judge(item, policy(), nextMorning)).reason).toMatchObject({ windowEndedOn: "2026-11-30" });
    // The same instants in Tokyo: delivered on Nov 1 there, so the window runs through Dec 1.
    expect(eligible(judge(item, policy(), nextMorning, { timezone: "Asia/Tokyo" })).returnBy).toBe("2026-12-01");
  });

  it("counts from the fulfillment date when the carrier never reported a delivery", () => {
    const noTracking = line({ fulfillments: [shipped(25, "FULFILLED")] });
    expect(eligible(judge(noTracking)).returnBy).toBe(addDays(localDate(daysAgo(25), "America/New_York"), 30));
    const markedFulfilled = line({ fulfillments: [shipped(40, "MARKED_AS_FULFILLED")] });
    expect(ineligible(judge(markedFulfilled)).reason.reason).toBe("window_ended");
  });

  it("waits for the delivery of a shipment still on its way", () => {
    const result = ineligible(judge(line({ fulfillments: [shipped(4, "IN_TRANSIT")] })));
    expect(result.reason).toEqual({
      reason: "not_delivered_yet",
      quantity: 1,
      fulfilledOn: localDate(daysAgo(4), "America/New_York"),
    });
    for (const status of ["OUT_FOR_DELIVERY", "DELAYED", "ATTEMPTED_DELIVERY", "LABEL_PURCHASED"]) {
      expect(judge(line({ fulfillments: [shipped(2, status)] })).eligible).toBe(false);
    }
  });

  it("counts from shipment instead when the merchant's window starts at fulfillment", () => {
    const rules = policy({ windowStartsAt: "fulfillment" });
    expect(eligible(judge(line({ fulfillments: [shipped(4, "IN_TRANSIT")] }), rules)).returnBy).toBe(
      addDays(localDate(daysAgo(4), "America/New_York"), 30),
    );
    // Delivered 28 days ago but shipped 33 days ago: the window from shipment has ended.
    expect(ineligible(judge(line({ fulfillments: [delivered(28, 1, 5)] }), rules)).reason.reason).toBe("window_ended");
  });
});

describe("quantities", () => {
  it("refuses items that have not shipped yet", () => {
    const result = ineligible(judge(line({ quantity: 2, unfulfilledQuantity: 2, fulfillments: [] })));
    expect(result.reason).toEqual({ reason: "not_fulfilled", quantity: 2 });
  });

  it("judges a line shipped in two fulfillments unit by unit: the delivered one now, the travelling one later", () => {
    const first = delivered(13);
    const second = shipped(9, "IN_TRANSIT");
    const result = eligible(judge(line({ quantity: 2, fulfillments: [first, second] })));
    expect(result.returnableQuantity).toBe(1);
    expect(result.returnable).toEqual([
      expect.objectContaining({ fulfillmentLineItemId: first.fulfillmentLineItemId, quantity: 1 }),
    ]);
    expect(result.unavailable).toEqual([
      { reason: "not_delivered_yet", quantity: 1, fulfilledOn: localDate(daysAgo(9), "America/New_York") },
    ]);
  });

  it("gives each delivery its own window", () => {
    const old = delivered(40);
    const recent = delivered(12);
    const result = eligible(judge(line({ quantity: 2, fulfillments: [recent, old] })));
    expect(result.returnableQuantity).toBe(1);
    expect(result.returnable[0]!.fulfillmentLineItemId).toBe(recent.fulfillmentLineItemId);
    expect(result.unavailable).toEqual([
      { reason: "window_ended", quantity: 1, windowEndedOn: addDays(localDate(daysAgo(40), "America/New_York"), 30) },
    ]);
  });

  it("leaves out units already returned: 2 of 3 returned leaves 1", () => {
    const result = eligible(judge(line({ quantity: 3, returnedQuantity: 2, fulfillments: [delivered(14, 3)] })));
    expect(result.returnableQuantity).toBe(1);
    expect(result.unavailable).toEqual([{ reason: "already_returned", quantity: 2 }]);
  });

  it("refuses a line whose every unit is already in a return", () => {
    const result = ineligible(judge(line({ quantity: 1, returnedQuantity: 1, fulfillments: [delivered(5)] })));
    expect(result.reason).toEqual({ reason: "already_returned", quantity: 1 });
  });

  it("takes returned units from the earliest delivery first", () => {
    const old = delivered(40);
    const recent = delivered(12);
    const result = eligible(judge(line({ quantity: 2, returnedQuantity: 1, fulfillments: [recent, old] })));
    expect(result.returnable).toEqual([
      expect.objectContaining({ fulfillmentLineItemId: recent.fulfillmentLineItemId }),
    ]);
    expect(result.unavailable).toEqual([{ reason: "already_returned", quantity: 1 }]);
  });

  it("shows the most telling reason first when no unit can be returned", () => {
    const result = ineligible(
      judge(line({ quantity: 2, returnedQuantity: 1, fulfillments: [delivered(50), delivered(45)] })),
    );
    expect(result.reason.reason).toBe("window_ended");
    expect(result.unavailable.map((units) => units.reason)).toEqual(["window_ended", "already_returned"]);
  });

  it("counts units of a cancelled fulfillment as not shipped", () => {
    const result = ineligible(judge(line({ quantity: 1, fulfillments: [shipped(3, "CANCELED")] })));
    expect(result.reason).toEqual({ reason: "not_fulfilled", quantity: 1 });
  });
});

describe("items that can never be returned", () => {
  it("refuses gift cards, whatever the policy says", () => {
    const rules = policy({ finalSale: { tags: [], productTypes: [], collectionIds: [], minDiscountPercent: null } });
    const result = ineligible(judge(line({ isGiftCard: true, fulfillments: [shipped(2, "FULFILLED")] }), rules));
    expect(result.reason).toEqual({ reason: "gift_card", quantity: 1 });
  });

  it("refuses final-sale items by tag, without regard to case", () => {
    const item = line({ product: { tags: ["Summer", "FINAL-SALE"], productType: "Swim", collectionIds: [] } });
    expect(ineligible(judge(item)).reason).toEqual({
      reason: "final_sale",
      quantity: 1,
      rule: "tag",
      match: "final-sale",
    });
  });

  it("refuses final-sale items by product type and by collection", () => {
    const rules = policy({
      finalSale: { tags: [], productTypes: ["underwear"], collectionIds: ["gid://shopify/Collection/77"] },
    });
    const byType = line({ product: { tags: [], productType: "Underwear", collectionIds: [] } });
    const byCollection = line({
      product: { tags: [], productType: "Dress", collectionIds: ["gid://shopify/Collection/77"] },
    });
    expect(ineligible(judge(byType, rules)).reason).toMatchObject({ rule: "product_type", match: "underwear" });
    expect(ineligible(judge(byCollection, rules)).reason).toMatchObject({
      rule: "collection",
      match: "gid://shopify/Collection/77",
    });
    expect(judge(line(), rules).eligible).toBe(true);
  });

  it("refuses lines discounted by at least the merchant's minimum, and only those", () => {
    const rules = policy({ finalSale: { tags: [], minDiscountPercent: 30 } });
    const fortyOff = line({ originalUnitPrice: usd("80.00"), discountedUnitPrice: usd("48.00") });
    const thirtyOff = line({ originalUnitPrice: usd("80.00"), discountedUnitPrice: usd("56.00") });
    const twentyOff = line({ originalUnitPrice: usd("80.00"), discountedUnitPrice: usd("64.00") });
    expect(ineligible(judge(fortyOff, rules)).reason).toEqual({
      reason: "final_sale",
      quantity: 1,
      rule: "discount",
      match: "40",
    });
    expect(ineligible(judge(thirtyOff, rules)).reason).toMatchObject({ rule: "discount", match: "30" });
    expect(judge(twentyOff, rules).eligible).toBe(true);
    // Without a minimum, discounted lines are returnable like any other.
    expect(judge(fortyOff, policy({ finalSale: { tags: [] } })).eligible).toBe(true);
  });

  it("still judges a line whose product was deleted", () => {
    expect(judge(line({ product: null })).eligible).toBe(true);
  });
});

describe("fees", () => {
  const withFees = (restockingFee: FeeInput, returnShippingFee: FeeInput = { type: "percentage", percentage: 0 }) =>
    policy({
      resolutions: {
        refund: { enabled: true, restockingFee, returnShippingFee },
        storeCredit: { enabled: true },
        exchange: { enabled: false },
      },
    });

  it("charges a percentage restocking fee on the price paid per unit, only for the resolutions offered", () => {
    const item = line({ originalUnitPrice: usd("30.00"), discountedUnitPrice: usd("25.00") });
    const result = eligible(judge(item, withFees({ type: "percentage", percentage: 10 })));
    expect(result.fees.refund).toEqual({
      restockingFeePerUnit: { amount: "2.50", currencyCode: "USD" },
      restockingFeePercentage: 10,
    });
    expect(result.fees.storeCredit).toEqual({
      restockingFeePerUnit: { amount: "0.00", currencyCode: "USD" },
      restockingFeePercentage: 0,
    });
    expect(result.fees.exchange).toBeUndefined();
  });

  it("charges a fixed fee as is in the shop's currency, never more than the unit cost", () => {
    const rules = withFees({ type: "fixed", amount: "5.00" });
    expect(eligible(judge(line(), rules)).fees.refund).toEqual({
      restockingFeePerUnit: { amount: "5.00", currencyCode: "USD" },
      restockingFeePercentage: 20,
    });
    const cheap = line({ originalUnitPrice: usd("3.00"), discountedUnitPrice: usd("3.00") });
    expect(eligible(judge(cheap, rules)).fees.refund?.restockingFeePerUnit.amount).toBe("3.00");
  });

  it("converts fixed fees into the shopper's currency at the order's own rate", () => {
    const euros = line({
      originalUnitPrice: bag("25.00", "23.00", "EUR"),
      discountedUnitPrice: bag("25.00", "23.00", "EUR"),
    });
    const rules = withFees({ type: "fixed", amount: "5.00" }, { type: "fixed", amount: "7.99" });
    const result = checkReturnEligibility(rules, order([euros], { totalPrice: bag("100.00", "92.00", "EUR") }), NOW);
    expect(result.currencyCode).toBe("EUR");
    expect(eligible(result.lines[0]!).fees.refund?.restockingFeePerUnit).toEqual({
      amount: "4.60",
      currencyCode: "EUR",
    });
    // 7.99 × 0.92 = 7.3508 → 7.35
    expect(result.returnShippingFees.refund).toEqual({
      type: "fixed",
      amount: { amount: "7.35", currencyCode: "EUR" },
    });
    // A percentage applies to what the shopper paid, in their currency.
    const percent = checkReturnEligibility(
      withFees({ type: "percentage", percentage: 12.5 }),
      order([euros], { totalPrice: bag("100.00", "92.00", "EUR") }),
      NOW,
    );
    expect(eligible(percent.lines[0]!).fees.refund?.restockingFeePerUnit).toEqual({
      amount: "2.88",
      currencyCode: "EUR",
    });
  });

  it("rounds to the currency's own minor unit (no cents in yen)", () => {
    const yen = line({
      originalUnitPrice: bag("25.00", "3712", "JPY"),
      discountedUnitPrice: bag("25.00", "3712", "JPY"),
    });
    const result = checkReturnEligibility(
      withFees({ type: "percentage", percentage: 15 }),
      order([yen], { totalPrice: bag("25.00", "3712", "JPY") }),
      NOW,
    );
    expect(eligible(result.lines[0]!).fees.refund?.restockingFeePerUnit).toEqual({
      amount: "557",
      currencyCode: "JPY",
    });
  });
});

describe("a return request", () => {
  const SMALL = "gid://shopify/ReturnReasonDefinition/1";
  const DAMAGED = "gid://shopify/ReturnReasonDefinition/5";
  const OTHER = "gid://shopify/ReturnReasonDefinition/7";
  const rules = (overrides: ReturnPolicyInput = {}) =>
    policy({
      reasons: [
        { id: SMALL, handle: "size-too-small" },
        { id: DAMAGED, handle: "damaged-or-defective" },
        { id: OTHER, handle: "other", noteRequired: true },
      ],
      ...overrides,
    });
  const tee = line({
    quantity: 3,
    fulfillments: [delivered(14, 3)],
    originalUnitPrice: usd("20.00"),
    discountedUnitPrice: usd("20.00"),
  });
  const gift = line({ isGiftCard: true, fulfillments: [shipped(3, "FULFILLED")] });
  const theOrder = order([tee, gift], { totalPrice: usd("110.00") });

  it("is valid when every line, quantity, reason and note fits the policy", () => {
    const eligibility = checkReturnEligibility(rules(), theOrder, NOW);
    const request = { resolution: "refund" as const, lines: [{ lineItemId: tee.id, quantity: 2, reasonId: SMALL }] };
    expect(validateReturnRequest(rules(), request, eligibility)).toEqual([]);
  });

  it("names every problem a shopper must fix", () => {
    const policyRules = rules({
      resolutions: { refund: { enabled: true }, storeCredit: { enabled: true }, exchange: { enabled: false } },
    });
    const eligibility = checkReturnEligibility(policyRules, theOrder, NOW);
    const problems = validateReturnRequest(
      policyRules,
      {
        resolution: "exchange",
        lines: [
          { lineItemId: tee.id, quantity: 4, reasonId: OTHER, note: "  " },
          { lineItemId: gift.id, quantity: 1, reasonId: "gid://shopify/ReturnReasonDefinition/99" },
        ],
      },
      eligibility,
    );
    expect(problems).toEqual([
      { problem: "resolution_not_offered", resolution: "exchange" },
      { problem: "quantity_over_returnable", index: 0, returnableQuantity: 3 },
      { problem: "note_required", index: 0 },
      { problem: "line_not_returnable", index: 1, reason: "gift_card" },
      { problem: "reason_not_offered", index: 1 },
    ]);
    expect(validateReturnRequest(policyRules, { resolution: "refund", lines: [] }, eligibility)).toEqual([
      { problem: "no_lines" },
    ]);
  });

  it("accepts any of Shopify's reasons while the merchant has not chosen any", () => {
    const open = policy();
    const eligibility = checkReturnEligibility(open, theOrder, NOW);
    expect(
      validateReturnRequest(
        open,
        { resolution: "refund", lines: [{ lineItemId: tee.id, quantity: 1, reasonId: OTHER }] },
        eligibility,
      ),
    ).toEqual([]);
  });

  it("takes units from the shipment whose window ends first", () => {
    const old = delivered(25);
    const recent = delivered(5);
    const target = eligible(judge(line({ quantity: 2, fulfillments: [recent, old] })));
    expect(allocateReturnUnits(target, 1)).toEqual([
      {
        fulfillmentLineItemId: old.fulfillmentLineItemId,
        quantity: 1,
        windowStartedOn: target.returnable[0]!.windowStartedOn,
      },
    ]);
    expect(allocateReturnUnits(target, 2).map((units) => units.fulfillmentLineItemId)).toEqual([
      old.fulfillmentLineItemId,
      recent.fulfillmentLineItemId,
    ]);
  });

  describe("quote", () => {
    const feeRules = (returnShippingFee: FeeInput, restockingFee: FeeInput = { type: "percentage", percentage: 10 }) =>
      rules({
        resolutions: {
          refund: { enabled: true, restockingFee, returnShippingFee },
          storeCredit: { enabled: true },
          exchange: { enabled: true },
        },
      });

    it("adds restocking fees per unit and the return shipping fee once per return", () => {
      const hoodie = line({ originalUnitPrice: usd("60.00"), discountedUnitPrice: usd("60.00") });
      const twoLines = order([tee, hoodie], { totalPrice: usd("120.00") });
      const policyRules = feeRules({ type: "fixed", amount: "6.00" });
      const request = {
        resolution: "refund" as const,
        lines: [
          { lineItemId: tee.id, quantity: 2, reasonId: SMALL },
          { lineItemId: hoodie.id, quantity: 1, reasonId: SMALL },
        ],
      };
      const quote = quoteReturn({
        policy: policyRules,
        order: twoLines,
        eligibility: checkReturnEligibility(policyRules, twoLines, NOW),
        request,
      });
      expect(quote.itemsValue.amount).toBe("100.00");
      expect(quote.restockingFees.map((fee) => [fee.perUnit.amount, fee.total.amount])).toEqual([
        ["2.00", "4.00"],
        ["6.00", "6.00"],
      ]);
      expect(quote.returnShippingFee.amount).toBe("6.00");
      expect(quote.totalFees.amount).toBe("16.00");
      expect(quote.netValue.amount).toBe("84.00");
      // Store credit has no fees in this policy.
      const credit = quoteReturn({
        policy: policyRules,
        order: twoLines,
        eligibility: checkReturnEligibility(policyRules, twoLines, NOW),
        request: { ...request, resolution: "storeCredit" },
      });
      expect(credit.totalFees.amount).toBe("0.00");
    });

    it("charges a percentage return shipping fee on the returned items' value", () => {
      const policyRules = feeRules({ type: "percentage", percentage: 5 }, { type: "percentage", percentage: 0 });
      const request = { resolution: "refund" as const, lines: [{ lineItemId: tee.id, quantity: 3, reasonId: SMALL }] };
      const quote = quoteReturn({
        policy: policyRules,
        order: theOrder,
        eligibility: checkReturnEligibility(policyRules, theOrder, NOW),
        request,
      });
      expect(quote.returnShippingFee.amount).toBe("3.00");
    });

    it("never lets fees exceed what the returned items cost", () => {
      const cheap = line({ originalUnitPrice: usd("4.00"), discountedUnitPrice: usd("4.00") });
      const small = order([cheap], { totalPrice: usd("4.00") });
      const policyRules = feeRules({ type: "fixed", amount: "6.00" }, { type: "fixed", amount: "1.00" });
      const request = {
        resolution: "refund" as const,
        lines: [{ lineItemId: cheap.id, quantity: 1, reasonId: SMALL }],
      };
      const quote = quoteReturn({
        policy: policyRules,
        order: small,
        eligibility: checkReturnEligibility(policyRules, small, NOW),
        request,
      });
      expect(quote.restockingFees[0]?.total.amount).toBe("1.00");
      expect(quote.returnShippingFee.amount).toBe("3.00");
      expect(quote.netValue.amount).toBe("0.00");
    });
  });

  describe("auto-approval", () => {
    const autoRules = (autoApprove: object = {}) =>
      rules({
        autoApprove: {
          enabled: true,
          reviewReasonIds: [DAMAGED],
          maxOrderValue: "200",
          withinDays: 20,
          ...autoApprove,
        },
      });
    const request = (reasonId = SMALL, quantity = 1) => ({
      resolution: "refund" as const,
      lines: [{ lineItemId: tee.id, quantity, reasonId }],
    });
    const approval = (
      policyRules: ReturnPolicy,
      returnRequest: ReturnType<typeof request>,
      returnOrder: EligibilityOrder,
    ) => ({
      policy: policyRules,
      order: returnOrder,
      eligibility: checkReturnEligibility(policyRules, returnOrder, NOW),
      request: returnRequest,
      now: NOW,
    });

    it("approves at once when every rule holds", () => {
      expect(shouldAutoApprove(approval(autoRules(), request(), theOrder))).toEqual({ autoApprove: true });
    });

    it("leaves every return to the merchant while auto-approval is off", () => {
      expect(shouldAutoApprove(approval(rules(), request(), theOrder))).toEqual({
        autoApprove: false,
        causes: [{ cause: "auto_approve_off" }],
      });
    });

    it("sends reasons the merchant reviews to review", () => {
      expect(shouldAutoApprove(approval(autoRules(), request(DAMAGED), theOrder))).toEqual({
        autoApprove: false,
        causes: [{ cause: "reason_needs_review", reasonIds: [DAMAGED] }],
      });
    });

    it("sends orders at or above the value limit to review, compared in the shop's currency", () => {
      const decision = shouldAutoApprove(approval(autoRules({ maxOrderValue: "110.00" }), request(), theOrder));
      expect(decision).toEqual({
        autoApprove: false,
        causes: [
          {
            cause: "order_value_over_limit",
            orderValue: { amount: "110.00", currencyCode: "USD" },
            limit: { amount: "110.00", currencyCode: "USD" },
          },
        ],
      });
      const euroOrder = order([tee], { totalPrice: bag("100.00", "92.00", "EUR") });
      expect(shouldAutoApprove(approval(autoRules({ maxOrderValue: "100.01" }), request(), euroOrder))).toEqual({
        autoApprove: true,
      });
    });

    it("sends returns started late in the window to review", () => {
      // Delivered 14 days ago: inside the 30-day window, outside a 10-day auto-approval window.
      const decision = shouldAutoApprove(approval(autoRules({ withinDays: 10 }), request(), theOrder));
      expect(decision).toEqual({
        autoApprove: false,
        causes: [{ cause: "outside_auto_approve_window", lineItemIds: [tee.id] }],
      });
    });

    it("never approves a request the policy does not allow", () => {
      const decision = shouldAutoApprove(approval(autoRules(), request(SMALL, 5), theOrder));
      expect(decision).toMatchObject({
        autoApprove: false,
        causes: [{ cause: "request_invalid", problems: [{ problem: "quantity_over_returnable" }] }],
      });
    });
  });
});

describe("the whole order", () => {
  it("answers every line and says whether anything can be returned", () => {
    const result = checkReturnEligibility(
      policy(),
      order([line({ isGiftCard: true }), line({ fulfillments: [delivered(3)] })]),
      NOW,
    );
    expect(result.lines.map((entry) => entry.eligible)).toEqual([false, true]);
    expect(result.anyReturnable).toBe(true);
    expect(result.resolutions).toEqual(["refund", "storeCredit", "exchange"]);
    const nothing = checkReturnEligibility(policy(), order([line({ fulfillments: [delivered(90)] })]), NOW);
    expect(nothing.anyReturnable).toBe(false);
  });
});
