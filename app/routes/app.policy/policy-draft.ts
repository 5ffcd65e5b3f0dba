import { RESOLUTIONS, type Resolution, type WindowStart } from "../../features/policy/ReturnPolicy.shared";
import type { Fee, ReturnPolicyInput } from "../../features/policy/ReturnPolicy.server";
import type { PolicyPageData } from "../../features/policy/return-policy-page.server";

/**
 * The return policy page's form state: the saved policy as the merchant edits it (numbers and lists as typed),
 * and back to the document the server validates. Pure, so what a merchant types is checked without a browser.
 */

export type FeeType = Fee["type"];
export const FEE_KINDS = ["restockingFee", "returnShippingFee"] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

export interface FeeDraft {
  type: FeeType;
  value: string;
}

export interface ResolutionDraft {
  enabled: boolean;
  restockingFee: FeeDraft;
  returnShippingFee: FeeDraft;
}

export interface ReasonDraft {
  offered: boolean;
  noteRequired: boolean;
}

export interface AutoApproveDraft {
  enabled: boolean;
  withinDays: string;
  maxOrderValue: string;
  reviewReasonIds: string[];
}

export interface PolicyDraft {
  windowDays: string;
  windowStartsAt: WindowStart;
  resolutions: Record<Resolution, ResolutionDraft>;
  /** Comma-separated, as typed. */
  tags: string;
  productTypes: string;
  collectionIds: string[];
  minDiscountPercent: string;
  autoApprove: AutoApproveDraft;
  /** By reason id, for every reason Shopify offers. */
  reasons: Record<string, ReasonDraft>;
  /** By shop locale, every one of the shop's languages ("" when not written). */
  policyText: Record<string, string>;
}

type PolicySource = Pick<PolicyPageData, "policy" | "reasons" | "locales">;

const NOT_OFFERED: ReasonDraft = { offered: false, noteRequired: false };

function feeDraft(fee: Fee): FeeDraft {
  return fee.type === "percentage"
    ? { type: "percentage", value: String(fee.percentage) }
    : { type: "fixed", value: fee.amount };
}

const optionalNumber = (value: number | null) => (value === null ? "" : String(value));

/** The saved policy (or the default one) as the form shows it. */
export function toPolicyDraft({ policy, reasons, locales }: PolicySource): PolicyDraft {
  const chosen = new Map(policy.reasons.map((reason) => [reason.id, reason]));
  return {
    windowDays: String(policy.windowDays),
    windowStartsAt: policy.windowStartsAt,
    resolutions: mapResolutions((resolution) => withFeesAs(policy.resolutions[resolution], feeDraft)),
    tags: policy.finalSale.tags.join(", "),
    productTypes: policy.finalSale.productTypes.join(", "),
    collectionIds: policy.finalSale.collectionIds,
    minDiscountPercent: optionalNumber(policy.finalSale.minDiscountPercent),
    autoApprove: {
      enabled: policy.autoApprove.enabled,
      withinDays: optionalNumber(policy.autoApprove.withinDays),
      maxOrderValue: policy.autoApprove.maxOrderValue ?? "",
      reviewReasonIds: policy.autoApprove.reviewReasonIds,
    },
    reasons: Object.fromEntries(
      reasons.map((reason) => [
        reason.id,
        { offered: chosen.has(reason.id), noteRequired: chosen.get(reason.id)?.noteRequired ?? false },
      ]),
    ),
    policyText: Object.fromEntries(locales.map(({ locale }) => [locale, policy.policyText[locale] ?? ""])),
  };
}

/** "final-sale, , Clearance " → ["final-sale", "Clearance"]. */
export function splitList(value: string): string[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

function feeInput({ type, value }: FeeDraft) {
  return type === "percentage" ? { type, percentage: value.trim() } : { type, amount: value.trim() };
}

/**
 * The draft as the policy document the server validates: numbers stay as typed (the server reads them and
 * says which are wrong), lists are split and trimmed, languages left empty are dropped (shoppers reading them
 * get the primary language's text).
 */
export function toPolicyInput(draft: PolicyDraft, { reasons }: Pick<PolicyPageData, "reasons">) {
  const offered = (id: string) => draft.reasons[id]?.offered === true;
  return {
    windowDays: draft.windowDays.trim(),
    windowStartsAt: draft.windowStartsAt,
    resolutions: mapResolutions((resolution) => withFeesAs(draft.resolutions[resolution], feeInput)),
    finalSale: {
      tags: splitList(draft.tags),
      productTypes: splitList(draft.productTypes),
      collectionIds: draft.collectionIds,
      minDiscountPercent: draft.minDiscountPercent.trim(),
    },
    autoApprove: {
      enabled: draft.autoApprove.enabled,
      withinDays: draft.autoApprove.withinDays.trim(),
      maxOrderValue: draft.autoApprove.maxOrderValue.trim(),
      // Only reasons still offered can be reviewed: unticking a reason drops it here too.
      reviewReasonIds: draft.autoApprove.reviewReasonIds.filter(offered),
    },
    reasons: reasons
      .filter((reason) => offered(reason.id))
      .map((reason) => ({
        id: reason.id,
        handle: reason.handle,
        noteRequired: draft.reasons[reason.id]!.noteRequired,
      })),
    policyText: Object.fromEntries(Object.entries(draft.policyText).filter(([, markdown]) => markdown.trim())),
  } satisfies ReturnPolicyInput;
}

// ---- Edits the form makes ----

export function withResolution(draft: PolicyDraft, resolution: Resolution, patch: Partial<ResolutionDraft>) {
  return {
    ...draft,
    resolutions: { ...draft.resolutions, [resolution]: { ...draft.resolutions[resolution], ...patch } },
  };
}

export function withAutoApprove(draft: PolicyDraft, patch: Partial<AutoApproveDraft>): PolicyDraft {
  return { ...draft, autoApprove: { ...draft.autoApprove, ...patch } };
}

/** A reason no longer offered cannot require a note. */
export function withReason(draft: PolicyDraft, id: string, patch: Partial<ReasonDraft>): PolicyDraft {
  const next = { ...(draft.reasons[id] ?? NOT_OFFERED), ...patch };
  if (!next.offered) next.noteRequired = false;
  return { ...draft, reasons: { ...draft.reasons, [id]: next } };
}

/** A new fee type starts empty: a percentage typed as an amount (or the reverse) would mean something else. */
export function withFeeType(fee: FeeDraft, type: FeeType): FeeDraft {
  return type === fee.type ? fee : { type, value: "" };
}

/** A resolution's rules with both of its fees converted (as saved ⇄ as typed). */
function withFeesAs<From, To>(rules: { enabled: boolean } & Record<FeeKind, From>, convert: (fee: From) => To) {
  return {
    enabled: rules.enabled,
    restockingFee: convert(rules.restockingFee),
    returnShippingFee: convert(rules.returnShippingFee),
  };
}

function mapResolutions<T>(rules: (resolution: Resolution) => T): Record<Resolution, T> {
  return Object.fromEntries(RESOLUTIONS.map((resolution) => [resolution, rules(resolution)])) as Record<Resolution, T>;
}
