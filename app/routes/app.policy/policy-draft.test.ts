import { describe, expect, it, vi } from "vitest";

import type { PolicyPageData } from "../../features/policy/return-policy-page.server";
import {
  toPolicyDraft,
  toPolicyInput,
  withFeeType,
  withReason,
  withResolution,
  type PolicyDraft,
} from "./policy-draft";

// The policy model reads the app's configuration when loaded (it owns the database access too).
await vi.hoisted(async () => {
  const { TEST_APP_ENV } = await import("../../../test/app-env");
  Object.assign(process.env, TEST_APP_ENV);
});
const { returnPolicySchema, validateReturnPolicy } = await import("../../features/policy/ReturnPolicy.server");

const reason = (id: number, handle: string, name: string) => ({
  id: `gid://shopify/ReturnReasonDefinition/${id}`,
  handle,
  name,
});
const SMALL = reason(1, "size-too-small", "Size too small");
const DAMAGED = reason(2, "damaged", "Damaged or defective");
const OTHER = reason(3, "other", "Other");
const REASONS = [SMALL, DAMAGED, OTHER];
const LOCALES = [
  { locale: "en", name: "English", primary: true },
  { locale: "fr", name: "French", primary: false },
];

/** The page's data for a saved policy (only what the form reads). */
function pageData(saved: unknown): Pick<PolicyPageData, "policy" | "reasons" | "locales"> {
  return { policy: returnPolicySchema.parse(saved), reasons: REASONS, locales: LOCALES };
}

/** Saving the draft as the server does: what the merchant finds on the page afterwards. */
function save(draft: PolicyDraft) {
  const result = validateReturnPolicy(toPolicyInput(draft, { reasons: REASONS }), {
    offeredReasonIds: new Set(REASONS.map((offered) => offered.id)),
  });
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.fieldErrors)}`);
  return result.policy;
}

const SAVED = {
  windowDays: 45,
  windowStartsAt: "fulfillment",
  resolutions: {
    refund: {
      enabled: true,
      restockingFee: { type: "percentage", percentage: 12.5 },
      returnShippingFee: { type: "fixed", amount: "4.99" },
    },
    storeCredit: { enabled: false },
    exchange: { enabled: true },
  },
  finalSale: {
    tags: ["final-sale", "clearance"],
    productTypes: ["Gift box"],
    collectionIds: ["gid://shopify/Collection/7"],
    minDiscountPercent: 50,
  },
  autoApprove: { enabled: true, withinDays: 14, maxOrderValue: "200.00", reviewReasonIds: [DAMAGED.id] },
  reasons: [
    { id: SMALL.id, handle: SMALL.handle, noteRequired: false },
    { id: DAMAGED.id, handle: DAMAGED.handle, noteRequired: true },
  ],
  policyText: { en: "Returns within **45 days**." },
};

describe("the return policy form", () => {
  it("saves an untouched policy exactly as it was saved before", () => {
    const data = pageData(SAVED);
    expect(save(toPolicyDraft(data))).toEqual(data.policy);
  });

  it("shows the saved values as the merchant typed them, every language and reason included", () => {
    const draft = toPolicyDraft(pageData(SAVED));
    expect(draft.windowDays).toBe("45");
    expect(draft.resolutions.refund.restockingFee).toEqual({ type: "percentage", value: "12.5" });
    expect(draft.resolutions.refund.returnShippingFee).toEqual({ type: "fixed", value: "4.99" });
    expect(draft.tags).toBe("final-sale, clearance");
    expect(draft.minDiscountPercent).toBe("50");
    expect(draft.autoApprove.maxOrderValue).toBe("200.00");
    expect(draft.reasons).toEqual({
      [SMALL.id]: { offered: true, noteRequired: false },
      [DAMAGED.id]: { offered: true, noteRequired: true },
      [OTHER.id]: { offered: false, noteRequired: false },
    });
    expect(draft.policyText).toEqual({ en: "Returns within **45 days**.", fr: "" });
  });

  it("shows optional limits left unset as empty fields, and saves empty fields as unset", () => {
    const draft = toPolicyDraft(pageData({ ...SAVED, autoApprove: { enabled: true }, finalSale: {} }));
    expect(draft.minDiscountPercent).toBe("");
    expect(draft.autoApprove.withinDays).toBe("");
    expect(draft.autoApprove.maxOrderValue).toBe("");
    const saved = save(draft);
    expect(saved.finalSale.minDiscountPercent).toBeNull();
    expect(saved.autoApprove).toMatchObject({ withinDays: null, maxOrderValue: null });
  });

  it("saves a percentage fee as a percentage and a fixed fee as an amount in the shop's currency", () => {
    let draft = toPolicyDraft(pageData(SAVED));
    draft = withResolution(draft, "exchange", {
      restockingFee: { ...withFeeType(draft.resolutions.exchange.restockingFee, "fixed"), value: " 5 " },
      returnShippingFee: { ...withFeeType(draft.resolutions.exchange.returnShippingFee, "percentage"), value: "10" },
    });
    const saved = save(draft);
    expect(saved.resolutions.exchange.restockingFee).toEqual({ type: "fixed", amount: "5.00" });
    expect(saved.resolutions.exchange.returnShippingFee).toEqual({ type: "percentage", percentage: 10 });
  });

  it("empties the amount when the fee type changes, so 10 % never becomes $10", () => {
    const fee = toPolicyDraft(pageData(SAVED)).resolutions.refund.restockingFee;
    expect(withFeeType(fee, "fixed")).toEqual({ type: "fixed", value: "" });
    expect(withFeeType(fee, "percentage")).toBe(fee);
  });

  it("drops an unticked reason from the offered reasons and from those always reviewed", () => {
    const draft = withReason(toPolicyDraft(pageData(SAVED)), DAMAGED.id, { offered: false });
    // Its note requirement goes with it: ticking it again starts without one.
    expect(draft.reasons[DAMAGED.id]).toEqual({ offered: false, noteRequired: false });
    const saved = save(draft);
    expect(saved.reasons.map((offered) => offered.id)).toEqual([SMALL.id]);
    expect(saved.autoApprove.reviewReasonIds).toEqual([]);
  });

  it("offers a newly ticked reason, in Shopify's order, with the note it asks for", () => {
    const draft = withReason(toPolicyDraft(pageData(SAVED)), OTHER.id, { offered: true, noteRequired: true });
    expect(save(draft).reasons).toEqual([
      { id: SMALL.id, handle: SMALL.handle, noteRequired: false },
      { id: DAMAGED.id, handle: DAMAGED.handle, noteRequired: true },
      { id: OTHER.id, handle: OTHER.handle, noteRequired: true },
    ]);
  });

  it("saves only the languages with text, so an emptied one falls back to the primary language", () => {
    const draft = toPolicyDraft(pageData({ ...SAVED, policyText: { en: "English text", fr: "Texte" } }));
    const saved = save({ ...draft, policyText: { en: "English text", fr: "  \n" } });
    expect(saved.policyText).toEqual({ en: "English text" });
  });

  it("splits tags and product types at commas, trimmed, without empty items", () => {
    const draft = toPolicyDraft(pageData(SAVED));
    const saved = save({ ...draft, tags: " final-sale ,, Clearance,  ", productTypes: "Gift card , Sample" });
    expect(saved.finalSale.tags).toEqual(["final-sale", "Clearance"]);
    expect(saved.finalSale.productTypes).toEqual(["Gift card", "Sample"]);
  });

  it("sends numbers as typed, so the server can say which field is wrong", () => {
    const draft = toPolicyDraft(pageData(SAVED));
    const typed = withResolution(draft, "refund", { restockingFee: { type: "percentage", value: " 150 " } });
    expect(validateReturnPolicy(toPolicyInput(typed, { reasons: REASONS }))).toEqual({
      ok: false,
      fieldErrors: { "resolutions.refund.restockingFee.percentage": "percentageRange" },
    });
  });
});
