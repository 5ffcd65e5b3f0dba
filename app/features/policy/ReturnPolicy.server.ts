import { z } from "zod";

import prisma from "../../db.server";
import type { Db } from "../../db-types.server";
import { renderMarkdown } from "../../platform/render-markdown.server";
import {
  POLICY_ERROR_KEYS,
  POLICY_LIMITS,
  RESOLUTIONS,
  WINDOW_STARTS,
  type PolicyErrorKey,
  type PolicyFieldErrors,
  type Resolution,
} from "./ReturnPolicy.shared";

/**
 * The merchant's return policy: one zod-validated JSON document per shop (`ReturnPolicy.document`). The
 * schema below is the single source of its shape; every field has a default, so a document saved before a
 * field existed still reads. `reviewedAt` records when the merchant last saved the policy page.
 */

export { POLICY_ERROR_KEYS, POLICY_LIMITS, RESOLUTIONS, WINDOW_STARTS };
export type { PolicyErrorKey, PolicyFieldErrors, Resolution };

// ---- Building blocks ----

/** "", null and undefined mean "not set" for optional numbers; anything else must read as a number. */
const blankToNull = (value: unknown) => (value === "" || value === null || value === undefined ? null : value);

/**
 * A number, or a form field's string spelling one in plain digits. Not `z.coerce`, which reads `true` as 1,
 * `"1e2"` as 100 and `[30]` as 30.
 */
const plainNumber = (schema: z.ZodNumber) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : value),
    schema,
  );

const wholeDays = plainNumber(
  z
    .number({ error: "number" })
    .int({ error: "wholeNumber" })
    .min(POLICY_LIMITS.windowDays.min, { error: "windowRange" })
    .max(POLICY_LIMITS.windowDays.max, { error: "windowRange" }),
);

const percentage = plainNumber(
  z.number({ error: "number" }).min(0, { error: "percentageRange" }).max(100, { error: "percentageRange" }),
).refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, { error: "percentageDecimals" });

/** A money amount as the merchant types it: digits with at most two decimals, no sign, no currency symbol. */
export const MONEY_AMOUNT_PATTERN = /^\d{1,9}(?:\.\d{1,2})?$/;

/** "5" → "5.00", "007.5" → "7.50": one spelling per amount, never a float. */
export function normalizeMoneyAmount(amount: string): string {
  const [units = "0", cents = ""] = amount.split(".");
  return `${units.replace(/^0+(?=\d)/, "")}.${cents.padEnd(2, "0")}`;
}

const moneyAmount = z
  .string({ error: "moneyFormat" })
  .trim()
  .regex(MONEY_AMOUNT_PATTERN, { error: "moneyFormat" })
  .transform(normalizeMoneyAmount);

/**
 * A fixed fee is in the shop's currency, whatever it is: the bound leaves room for currencies counted in
 * thousands (1,000,000 VND or IDR is a few tens of dollars) and stops a typo of several extra digits.
 */
const feeAmount = moneyAmount.refine((amount) => Number(amount) <= POLICY_LIMITS.fixedFeeMax, {
  error: "feeTooHigh",
});

/**
 * A fee: a percentage (0–100, two decimals at most) of the price the shopper paid for the returned items, or a
 * fixed amount in the shop's currency (see check-return-eligibility.server.ts for how each is charged).
 */
const feeSchema = z.discriminatedUnion(
  "type",
  [z.object({ type: z.literal("percentage"), percentage }), z.object({ type: z.literal("fixed"), amount: feeAmount })],
  { error: "invalid" },
);
export type Fee = z.infer<typeof feeSchema>;

const NO_FEE: Fee = { type: "percentage", percentage: 0 };

const resolutionSchema = z.object({
  enabled: z.boolean().default(true),
  /** Charged per returned unit. */
  restockingFee: feeSchema.default(NO_FEE),
  /** Charged once per return. */
  returnShippingFee: feeSchema.default(NO_FEE),
});
export type ResolutionRules = z.infer<typeof resolutionSchema>;

/** Trimmed, non-empty, deduplicated without regard to case (Shopify's tags and types compare that way). */
const textList = z
  .array(z.string().trim().max(POLICY_LIMITS.listItemLength, { error: "itemTooLong" }), { error: "invalid" })
  .max(POLICY_LIMITS.listItems, { error: "listTooLong" })
  .transform((items) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = item.toLowerCase();
      if (!item || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

const gid = (type: string, error: PolicyErrorKey) =>
  z.string().regex(new RegExp(`^gid://shopify/${type}/\\d+$`), { error });

const reasonId = gid("ReturnReasonDefinition", "reasonId");

/** A shop locale code as Shopify spells it: `en`, `fr`, `pt-BR`, `zh-CN`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

// ---- The document ----

export const returnPolicySchema = z
  .object({
    version: z.literal(1).default(1),
    /** Days a shopper has to start a return, counted in the shop's timezone from `windowStartsAt`. */
    windowDays: wholeDays.default(30),
    /**
     * `delivery`: from the carrier's delivery date, or the fulfillment date when none is known (no tracking,
     * marked as fulfilled); units still on their way cannot be returned yet. `fulfillment`: from the date
     * the items were fulfilled.
     */
    windowStartsAt: z.enum(WINDOW_STARTS, { error: "invalid" }).default("delivery"),
    resolutions: z
      .object({
        refund: resolutionSchema.default({ enabled: true, restockingFee: NO_FEE, returnShippingFee: NO_FEE }),
        storeCredit: resolutionSchema.default({ enabled: true, restockingFee: NO_FEE, returnShippingFee: NO_FEE }),
        exchange: resolutionSchema.default({ enabled: true, restockingFee: NO_FEE, returnShippingFee: NO_FEE }),
      })
      .default({
        refund: { enabled: true, restockingFee: NO_FEE, returnShippingFee: NO_FEE },
        storeCredit: { enabled: true, restockingFee: NO_FEE, returnShippingFee: NO_FEE },
        exchange: { enabled: true, restockingFee: NO_FEE, returnShippingFee: NO_FEE },
      }),
    /** Items that can never be returned. Gift cards are never returnable whatever this says. */
    finalSale: z
      .object({
        /** Product tags, compared without regard to case. */
        tags: textList.default([]),
        /** Product types, compared without regard to case. */
        productTypes: textList.default([]),
        collectionIds: z
          .array(gid("Collection", "collectionId"), { error: "invalid" })
          .max(POLICY_LIMITS.listItems, { error: "listTooLong" })
          .transform((ids) => [...new Set(ids)])
          .default([]),
        /** A line discounted by at least this percentage (all discounts on the line) is final sale; null: off. */
        minDiscountPercent: z
          .preprocess(blankToNull, percentage.nullable())
          .refine((value) => value === null || value > 0, { error: "percentageRange" })
          .default(null),
      })
      .default({ tags: ["final-sale"], productTypes: [], collectionIds: [], minDiscountPercent: null }),
    /** When a return is approved without the merchant looking at it. Every rule must hold. */
    autoApprove: z
      .object({
        enabled: z.boolean().default(false),
        /** Only within this many days of the window's start; null: anywhere in the return window. */
        withinDays: z.preprocess(blankToNull, wholeDays.nullable()).default(null),
        /** Reasons that always need the merchant's review (e.g. damaged items). */
        reviewReasonIds: z
          .array(reasonId, { error: "invalid" })
          .transform((ids) => [...new Set(ids)])
          .default([]),
        /** Only orders whose total is below this amount in the shop's currency; null: any order value. */
        maxOrderValue: z.preprocess(blankToNull, moneyAmount.nullable()).default(null),
      })
      .default({ enabled: false, withinDays: null, reviewReasonIds: [], maxOrderValue: null }),
    /**
     * The Shopify return reason definitions shoppers may pick, in the order shown. Empty (a policy never saved)
     * means every reason Shopify offers, none requiring a note; the policy page always saves at least one.
     */
    reasons: z
      .array(
        z.object({
          id: reasonId,
          handle: z.string().trim().min(1, { error: "invalid" }).max(POLICY_LIMITS.listItemLength),
          noteRequired: z.boolean().default(false),
        }),
        { error: "invalid" },
      )
      .max(POLICY_LIMITS.listItems, { error: "listTooLong" })
      .default([]),
    /** Markdown shown to shoppers, by shop locale; a locale without text falls back to the primary locale's. */
    policyText: z
      .record(
        z.string().regex(LOCALE_PATTERN, { error: "locale" }),
        z.string({ error: "invalid" }).max(POLICY_LIMITS.policyText, { error: "textTooLong" }),
      )
      .default({}),
  })
  .superRefine((policy, context) => {
    if (!RESOLUTIONS.some((resolution) => policy.resolutions[resolution].enabled)) {
      context.addIssue({ code: "custom", path: ["resolutions"], message: "noResolution" });
    }
    const reasonIds = policy.reasons.map((reason) => reason.id);
    reasonIds.forEach((id, index) => {
      if (reasonIds.indexOf(id) !== index) {
        context.addIssue({ code: "custom", path: ["reasons", index, "id"], message: "duplicateReason" });
      }
    });
    if (policy.reasons.length > 0) {
      policy.autoApprove.reviewReasonIds.forEach((id, index) => {
        if (!reasonIds.includes(id)) {
          context.addIssue({
            code: "custom",
            path: ["autoApprove", "reviewReasonIds", index],
            message: "reviewReasonNotOffered",
          });
        }
      });
    }
    if (policy.autoApprove.withinDays !== null && policy.autoApprove.withinDays > policy.windowDays) {
      context.addIssue({ code: "custom", path: ["autoApprove", "withinDays"], message: "autoApproveWindow" });
    }
  });

export type ReturnPolicy = z.output<typeof returnPolicySchema>;
/** What the policy page posts: numbers may arrive as the strings the merchant typed. */
export type ReturnPolicyInput = z.input<typeof returnPolicySchema>;

/** The policy of a shop that never saved one: 30 days from delivery, every resolution free, `final-sale` tag. */
export function defaultReturnPolicy(): ReturnPolicy {
  return returnPolicySchema.parse({});
}

// ---- Validation ----

export type PolicyValidation = { ok: true; policy: ReturnPolicy } | { ok: false; fieldErrors: PolicyFieldErrors };

const ERROR_KEYS = new Set<string>(POLICY_ERROR_KEYS);

/** The first error of each field, as message keys. */
function toFieldErrors(error: z.ZodError): PolicyFieldErrors {
  const fieldErrors: PolicyFieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "document";
    if (!(path in fieldErrors)) {
      fieldErrors[path] = ERROR_KEYS.has(issue.message) ? (issue.message as PolicyErrorKey) : "invalid";
    }
  }
  return fieldErrors;
}

export interface PolicyValidationContext {
  /**
   * The return reason definitions Shopify offers the shop now (ids, deleted ones excluded). When given, a
   * policy naming another reason is refused, and at least one reason must be chosen.
   */
  offeredReasonIds?: ReadonlySet<string>;
}

/** Validates a policy as the policy page posts it: field errors the merchant can fix, or the normalized policy. */
export function validateReturnPolicy(input: unknown, context: PolicyValidationContext = {}): PolicyValidation {
  const parsed = returnPolicySchema.safeParse(input);
  const fieldErrors = parsed.success ? {} : toFieldErrors(parsed.error);
  const offered = context.offeredReasonIds;
  if (offered && parsed.success) {
    if (parsed.data.reasons.length === 0) fieldErrors.reasons = "noReason";
    parsed.data.reasons.forEach((reason, index) => {
      if (!offered.has(reason.id)) fieldErrors[`reasons.${index}.id`] = "unknownReason";
    });
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, policy: parsed.data };
}

// ---- Storage ----

/** The stored document could not be read (edited by hand, or written by a newer release). */
export class UnreadablePolicyError extends Error {
  constructor(shop: string, cause: unknown) {
    super(`The stored return policy of ${shop} cannot be read`, { cause });
    this.name = "UnreadablePolicyError";
  }
}

/** Parses `ReturnPolicy.document`; throws when it is not a valid policy (never guesses a merchant's rules). */
export function parseStoredPolicy(shop: string, document: string): ReturnPolicy {
  let json: unknown;
  try {
    json = JSON.parse(document);
  } catch (error) {
    throw new UnreadablePolicyError(shop, error);
  }
  const parsed = returnPolicySchema.safeParse(json);
  if (!parsed.success) throw new UnreadablePolicyError(shop, parsed.error);
  return parsed.data;
}

export interface StoredReturnPolicy {
  policy: ReturnPolicy;
  /** False while the shop runs on the default policy. */
  saved: boolean;
  /** When the merchant last saved the policy page; null: never reviewed. */
  reviewedAt: Date | null;
  updatedAt: Date | null;
}

/** The shop's policy, or the default one when the merchant has not saved any. */
export async function getReturnPolicy(shop: string, db: Db = prisma): Promise<StoredReturnPolicy> {
  const row = await db.returnPolicy.findUnique({ where: { shop } });
  if (!row) return { policy: defaultReturnPolicy(), saved: false, reviewedAt: null, updatedAt: null };
  return {
    policy: parseStoredPolicy(shop, row.document),
    saved: true,
    reviewedAt: row.reviewedAt,
    updatedAt: row.updatedAt,
  };
}

export type SavePolicyResult =
  { ok: true; policy: ReturnPolicy; reviewedAt: Date } | { ok: false; fieldErrors: PolicyFieldErrors };

/**
 * Validates and saves the shop's policy (the merchant saved the policy page, so it counts as reviewed). Nothing
 * is written when any field is invalid.
 */
export async function saveReturnPolicy(
  shop: string,
  input: unknown,
  { now = new Date(), ...context }: PolicyValidationContext & { now?: Date } = {},
  db: Db = prisma,
): Promise<SavePolicyResult> {
  const validation = validateReturnPolicy(input, context);
  if (!validation.ok) return validation;
  const document = JSON.stringify(validation.policy);
  await db.returnPolicy.upsert({
    where: { shop },
    create: { shop, document, reviewedAt: now },
    update: { document, reviewedAt: now },
  });
  return { ok: true, policy: validation.policy, reviewedAt: now };
}

/** For the home page's setup checklist: has the merchant saved the policy page at least once? */
export async function isPolicyReviewed(shop: string, db: Db = prisma): Promise<boolean> {
  const row = await db.returnPolicy.findUnique({ where: { shop }, select: { reviewedAt: true } });
  return Boolean(row?.reviewedAt);
}

/** shop/redact: the policy is shop configuration (no customer data), removed with the shop. */
export async function deleteShopReturnPolicy(shop: string, db: Db): Promise<number> {
  return (await db.returnPolicy.deleteMany({ where: { shop } })).count;
}

// ---- What shoppers read ----

/** The policy's Markdown for a locale, falling back to the primary locale's when that locale has none. */
export function policyTextFor(policy: ReturnPolicy, locale: string, primaryLocale: string): string {
  const own = policy.policyText[locale]?.trim();
  return own || policy.policyText[primaryLocale]?.trim() || "";
}

/** The policy text as sanitized storefront HTML (docs/storefront-snapshot.md `policyHtml`). */
export function policyHtmlFor(policy: ReturnPolicy, locale: string, primaryLocale: string): string {
  const markdown = policyTextFor(policy, locale, primaryLocale);
  return markdown ? renderMarkdown(markdown) : "";
}
