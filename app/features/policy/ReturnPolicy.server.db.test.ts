import { beforeEach, describe, expect, it } from "vitest";

import prisma from "../../db.server";
import { redactShopData } from "../compliance/handle-compliance-request.server";
import {
  defaultReturnPolicy,
  getReturnPolicy,
  isPolicyReviewed,
  policyHtmlFor,
  saveReturnPolicy,
  UnreadablePolicyError,
  validateReturnPolicy,
  type ReturnPolicyInput,
} from "./ReturnPolicy.server";

const SHOP = "policy-model.myshopify.com";
const OTHER_SHOP = "policy-model-other.myshopify.com";
const SMALL = "gid://shopify/ReturnReasonDefinition/1";
const DAMAGED = "gid://shopify/ReturnReasonDefinition/5";
const OFFERED = new Set([SMALL, DAMAGED]);

/** A policy as the policy page posts it: numbers as typed, every section present. */
function form(overrides: Partial<Record<keyof ReturnPolicyInput, unknown>> = {}): Record<string, unknown> {
  return {
    windowDays: "45",
    windowStartsAt: "delivery",
    resolutions: {
      refund: {
        enabled: true,
        restockingFee: { type: "percentage", percentage: "10" },
        returnShippingFee: { type: "fixed", amount: "6.5" },
      },
      storeCredit: {
        enabled: true,
        restockingFee: { type: "percentage", percentage: "0" },
        returnShippingFee: { type: "percentage", percentage: "0" },
      },
      exchange: {
        enabled: false,
        restockingFee: { type: "percentage", percentage: "0" },
        returnShippingFee: { type: "percentage", percentage: "0" },
      },
    },
    finalSale: {
      tags: ["final-sale", " Clearance ", "FINAL-SALE", ""],
      productTypes: ["Underwear"],
      collectionIds: ["gid://shopify/Collection/4"],
      minDiscountPercent: "50",
    },
    autoApprove: { enabled: true, withinDays: "14", reviewReasonIds: [DAMAGED], maxOrderValue: "250" },
    reasons: [
      { id: SMALL, handle: "size-too-small", noteRequired: false },
      { id: DAMAGED, handle: "damaged-or-defective", noteRequired: true },
    ],
    policyText: { en: "You have **45 days** to return an item.", fr: "Vous avez 45 jours." },
    ...overrides,
  };
}

beforeEach(async () => {
  await prisma.returnPolicy.deleteMany({ where: { shop: { in: [SHOP, OTHER_SHOP] } } });
});

describe("a shop that never saved its policy", () => {
  it("runs on the default policy: 30 days from delivery, every resolution free, the final-sale tag", async () => {
    const stored = await getReturnPolicy(SHOP);
    expect(stored.saved).toBe(false);
    expect(stored.reviewedAt).toBeNull();
    expect(stored.policy).toEqual(defaultReturnPolicy());
    expect(stored.policy.windowDays).toBe(30);
    expect(stored.policy.windowStartsAt).toBe("delivery");
    expect(stored.policy.finalSale.tags).toEqual(["final-sale"]);
    expect(stored.policy.resolutions.refund).toEqual({
      enabled: true,
      restockingFee: { type: "percentage", percentage: 0 },
      returnShippingFee: { type: "percentage", percentage: 0 },
    });
    expect(stored.policy.autoApprove.enabled).toBe(false);
    expect(await isPolicyReviewed(SHOP)).toBe(false);
  });
});

describe("saving the policy page", () => {
  it("stores the policy as the merchant wrote it, normalized, and reads it back the same", async () => {
    const now = new Date("2026-11-20T15:00:00Z");
    const result = await saveReturnPolicy(SHOP, form(), { offeredReasonIds: OFFERED, now }, prisma);
    expect(result.ok).toBe(true);
    const stored = await getReturnPolicy(SHOP);
    expect(stored.saved).toBe(true);
    expect(stored.reviewedAt).toEqual(now);
    expect(stored.policy).toEqual({
      version: 1,
      windowDays: 45,
      windowStartsAt: "delivery",
      resolutions: {
        refund: {
          enabled: true,
          restockingFee: { type: "percentage", percentage: 10 },
          returnShippingFee: { type: "fixed", amount: "6.50" },
        },
        storeCredit: {
          enabled: true,
          restockingFee: { type: "percentage", percentage: 0 },
          returnShippingFee: { type: "percentage", percentage: 0 },
        },
        exchange: {
          enabled: false,
          restockingFee: { type: "percentage", percentage: 0 },
          returnShippingFee: { type: "percentage", percentage: 0 },
        },
      },
      finalSale: {
        tags: ["final-sale", "Clearance"],
        productTypes: ["Underwear"],
        collectionIds: ["gid://shopify/Collection/4"],
        minDiscountPercent: 50,
      },
      autoApprove: { enabled: true, withinDays: 14, reviewReasonIds: [DAMAGED], maxOrderValue: "250.00" },
      reasons: [
        { id: SMALL, handle: "size-too-small", noteRequired: false },
        { id: DAMAGED, handle: "damaged-or-defective", noteRequired: true },
      ],
      policyText: { en: "You have **45 days** to return an item.", fr: "Vous avez 45 jours." },
    });
    expect(await isPolicyReviewed(SHOP)).toBe(true);
  });

  it("keeps each shop's policy to itself", async () => {
    await saveReturnPolicy(SHOP, form({ windowDays: "60" }), { offeredReasonIds: OFFERED });
    await saveReturnPolicy(OTHER_SHOP, form({ windowDays: "14" }), { offeredReasonIds: OFFERED });
    expect((await getReturnPolicy(SHOP)).policy.windowDays).toBe(60);
    expect((await getReturnPolicy(OTHER_SHOP)).policy.windowDays).toBe(14);
    await saveReturnPolicy(SHOP, form({ windowDays: "90" }), { offeredReasonIds: OFFERED });
    expect((await getReturnPolicy(OTHER_SHOP)).policy.windowDays).toBe(14);
    expect(await prisma.returnPolicy.count({ where: { shop: SHOP } })).toBe(1);
  });

  it("refuses an invalid policy with an error per field and saves nothing", async () => {
    const invalid = form({
      windowDays: "-5",
      resolutions: {
        refund: {
          enabled: true,
          restockingFee: { type: "percentage", percentage: "120" },
          returnShippingFee: { type: "fixed", amount: "5,00" },
        },
        storeCredit: { enabled: false },
        exchange: { enabled: false },
      },
      finalSale: { tags: [], collectionIds: ["42"], minDiscountPercent: "abc" },
      reasons: [{ id: "gid://shopify/ReturnReasonDefinition/999", handle: "gone" }],
    });
    const result = await saveReturnPolicy(SHOP, invalid, { offeredReasonIds: OFFERED });
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        windowDays: "windowRange",
        "resolutions.refund.restockingFee.percentage": "percentageRange",
        "resolutions.refund.returnShippingFee.amount": "moneyFormat",
        "finalSale.collectionIds.0": "collectionId",
        "finalSale.minDiscountPercent": "number",
      },
    });
    expect(await prisma.returnPolicy.count({ where: { shop: SHOP } })).toBe(0);
    expect(await isPolicyReviewed(SHOP)).toBe(false);
  });

  it("takes a return window only as a whole number of days, never true, 1e2 or [30]", () => {
    const windowError = (windowDays: unknown) => {
      const result = validateReturnPolicy(form({ windowDays }), { offeredReasonIds: OFFERED });
      return result.ok ? result.policy.windowDays : result.fieldErrors.windowDays;
    };
    expect([true, "1e2", [30], "0x1e", "30 days", null].map(windowError)).toEqual([
      "number",
      "number",
      "number",
      "number",
      "number",
      "number",
    ]);
    expect([" 30 ", 30, "365", "7.5", "0", 366].map(windowError)).toEqual([
      30,
      30,
      365,
      "wholeNumber",
      "windowRange",
      "windowRange",
    ]);
  });

  it("bounds a fixed return-shipping fee", () => {
    const feeError = (amount: string) => {
      const resolutions = {
        refund: { enabled: true, returnShippingFee: { type: "fixed", amount } },
        storeCredit: { enabled: false },
        exchange: { enabled: false },
      };
      const result = validateReturnPolicy(form({ resolutions }), { offeredReasonIds: OFFERED });
      return result.ok
        ? result.policy.resolutions.refund.returnShippingFee
        : result.fieldErrors["resolutions.refund.returnShippingFee.amount"];
    };
    expect(feeError("1000000")).toEqual({ type: "fixed", amount: "1000000.00" });
    expect(feeError("1000000.01")).toBe("feeTooHigh");
    expect(feeError("999999999")).toBe("feeTooHigh");
  });

  it("refuses reasons Shopify does not offer, and a policy without any reason", async () => {
    const unknown = await saveReturnPolicy(
      SHOP,
      form({ reasons: [{ id: "gid://shopify/ReturnReasonDefinition/999", handle: "gone" }], autoApprove: {} }),
      { offeredReasonIds: OFFERED },
    );
    expect(unknown).toEqual({ ok: false, fieldErrors: { "reasons.0.id": "unknownReason" } });
    const none = await saveReturnPolicy(SHOP, form({ reasons: [], autoApprove: {} }), { offeredReasonIds: OFFERED });
    expect(none).toEqual({ ok: false, fieldErrors: { reasons: "noReason" } });
    expect(await prisma.returnPolicy.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("refuses rules that contradict each other", () => {
    const noResolution = validateReturnPolicy(
      form({
        resolutions: { refund: { enabled: false }, storeCredit: { enabled: false }, exchange: { enabled: false } },
      }),
    );
    expect(noResolution).toEqual({ ok: false, fieldErrors: { resolutions: "noResolution" } });
    const longerAutoWindow = validateReturnPolicy(
      form({ windowDays: "30", autoApprove: { enabled: true, withinDays: "45" } }),
    );
    expect(longerAutoWindow).toEqual({ ok: false, fieldErrors: { "autoApprove.withinDays": "autoApproveWindow" } });
    const reviewReasonNotOffered = validateReturnPolicy(
      form({ autoApprove: { enabled: true, reviewReasonIds: ["gid://shopify/ReturnReasonDefinition/7"] } }),
    );
    expect(reviewReasonNotOffered).toEqual({
      ok: false,
      fieldErrors: { "autoApprove.reviewReasonIds.0": "reviewReasonNotOffered" },
    });
  });

  it("refuses money amounts that are not amounts, and percentages with more than two decimals", () => {
    for (const amount of ["-5", "5.001", "1e3", "$5", "", "5.5.5"]) {
      const result = validateReturnPolicy(
        form({ autoApprove: { enabled: true, maxOrderValue: amount === "" ? "x" : amount } }),
      );
      expect(result, amount).toEqual({ ok: false, fieldErrors: { "autoApprove.maxOrderValue": "moneyFormat" } });
    }
    const decimals = validateReturnPolicy(form({ finalSale: { minDiscountPercent: "12.345" } }));
    expect(decimals).toEqual({ ok: false, fieldErrors: { "finalSale.minDiscountPercent": "percentageDecimals" } });
    expect(validateReturnPolicy(form({ finalSale: { minDiscountPercent: "" } })).ok).toBe(true);
  });

  it("refuses a payload that is not a policy at all without throwing", () => {
    expect(validateReturnPolicy("DROP TABLE")).toEqual({ ok: false, fieldErrors: { document: "invalid" } });
    expect(validateReturnPolicy({ resolutions: { refund: { restockingFee: { type: "bogus" } } } })).toEqual({
      ok: false,
      fieldErrors: { "resolutions.refund.restockingFee.type": "invalid" },
    });
  });
});

describe("stored documents", () => {
  it("reads a document saved before newer fields existed, with their defaults", async () => {
    await prisma.returnPolicy.create({ data: { shop: SHOP, document: JSON.stringify({ windowDays: 21 }) } });
    const stored = await getReturnPolicy(SHOP);
    expect(stored.policy.windowDays).toBe(21);
    expect(stored.policy.autoApprove.enabled).toBe(false);
    // Saved by something other than the policy page: not reviewed.
    expect(stored.reviewedAt).toBeNull();
  });

  it("refuses to guess when the stored document is broken", async () => {
    await prisma.returnPolicy.create({ data: { shop: SHOP, document: '{"windowDays": -4}' } });
    await expect(getReturnPolicy(SHOP)).rejects.toBeInstanceOf(UnreadablePolicyError);
    await prisma.returnPolicy.update({ where: { shop: SHOP }, data: { document: "not json" } });
    await expect(getReturnPolicy(SHOP)).rejects.toBeInstanceOf(UnreadablePolicyError);
  });

  it("is deleted with the shop's data (shop/redact), and only that shop's", async () => {
    await saveReturnPolicy(SHOP, form(), { offeredReasonIds: OFFERED });
    await saveReturnPolicy(OTHER_SHOP, form(), { offeredReasonIds: OFFERED });
    await redactShopData(SHOP, prisma);
    expect(await prisma.returnPolicy.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.returnPolicy.count({ where: { shop: OTHER_SHOP } })).toBe(1);
  });
});

describe("the text shoppers read", () => {
  it("renders the locale's Markdown as safe HTML, falling back to the primary locale's", async () => {
    const result = await saveReturnPolicy(
      SHOP,
      form({
        policyText: {
          en: "Returns within **45 days**. <script>alert(1)</script> [Contact](javascript:alert(1))",
          fr: "  ",
        },
      }),
      { offeredReasonIds: OFFERED },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const english = policyHtmlFor(result.policy, "en", "en");
    expect(english).toContain("<strong>45 days</strong>");
    expect(english).not.toContain("<script");
    expect(english).not.toContain("javascript:");
    expect(policyHtmlFor(result.policy, "fr", "en")).toBe(english);
    expect(policyHtmlFor(defaultReturnPolicy(), "de", "en")).toBe("");
  });
});
