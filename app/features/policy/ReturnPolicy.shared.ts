import type { Resolution } from "../../contracts/storefront-api";

/**
 * The return policy's constants that the policy page's browser code needs too (a `.server` module is not
 * bundled for the browser). The policy's shape itself lives in ReturnPolicy.server.ts.
 */

/** Every resolution a policy can offer (the storefront API names them: app/contracts/storefront-api.ts). */
export const RESOLUTIONS = ["refund", "storeCredit", "exchange"] as const satisfies readonly Resolution[];
export type { Resolution };

export const WINDOW_STARTS = ["delivery", "fulfillment"] as const;
export type WindowStart = (typeof WINDOW_STARTS)[number];

export const POLICY_LIMITS = {
  windowDays: { min: 1, max: 365 },
  listItems: 100,
  listItemLength: 255,
  policyText: 20_000,
  fixedFeeMax: 1_000_000,
} as const;

/**
 * Message keys of the field errors (texts in app/locales/en/policy.json under `errors`). A zod issue with any
 * other message (a malformed payload rather than a merchant's typo) is reported as `invalid`.
 */
export const POLICY_ERROR_KEYS = [
  "invalid",
  "number",
  "wholeNumber",
  "windowRange",
  "percentageRange",
  "percentageDecimals",
  "moneyFormat",
  "feeTooHigh",
  "noResolution",
  "listTooLong",
  "itemTooLong",
  "collectionId",
  "reasonId",
  "unknownReason",
  "duplicateReason",
  "noReason",
  "reviewReasonNotOffered",
  "autoApproveWindow",
  "locale",
  "textTooLong",
] as const;
export type PolicyErrorKey = (typeof POLICY_ERROR_KEYS)[number];

/** Errors a merchant can fix, keyed by field path (`windowDays`, `resolutions.refund.restockingFee.percentage`). */
export type PolicyFieldErrors = Record<string, PolicyErrorKey>;
