import type { ExchangeOption, Money, Resolution } from "../../contracts/storefront-api";
import type { ReturnPolicy } from "../policy/ReturnPolicy.server";
import {
  allocateReturnUnits,
  checkReturnEligibility,
  manualReviewCauses,
  quoteReturn,
  validateReturnRequest,
  type EligibilityOrder,
  type ManualReviewCause,
  type ReturnQuote,
  type ReturnRequest,
  type ReturnRequestProblem,
} from "./check-return-eligibility.server";

/**
 * The one decision on a shopper's return: the merchant's policy, the order as Shopify reports it now, what the
 * shopper asks for and the time → either the field errors the shopper sees, or the plan of exactly what to file in
 * Shopify. Pure (no database, no Shopify call, no clock, no HTTP), so every front end — the storefront block
 * through the app proxy, a customer account extension — gets the same answer, and the answer is tested without
 * any of them.
 */

// ---- What the decision reads ----

/** What a line can be exchanged for: the other variants of its product. */
export interface LineExchange {
  productTitle: string;
  options: ExchangeOption[];
}

/** The order as deciding a return needs it. */
export interface OrderForReturn extends EligibilityOrder {
  /** `Order.id`: the order the return is filed against. */
  id: string;
  /**
   * Exchange options by line item id, for the lines of an exchange request (empty otherwise). A line without an
   * entry (its product was deleted) offers no exchange.
   */
  exchanges: ReadonlyMap<string, LineExchange>;
}

/** What the shopper asks for: lines of the order, one reason and one note for every line, a resolution. */
export interface ShopperReturnRequest {
  lines: { lineItemId: string; quantity: number }[];
  /** `ReturnReasonDefinition.id`. */
  reasonId: string;
  /** Plain text, never HTML. */
  note: string | null;
  resolution: Resolution;
  /** The variant wanted in exchange; read for the `exchange` resolution only. */
  exchangeVariantId: string | null;
}

// ---- What it answers ----

/** Field errors keyed by path (`lines.0.quantity`), values the block translates (docs/storefront-api.md). */
export type FieldErrors = Record<string, string>;

/** Units of one fulfillment line item to return (Shopify's returns name fulfillment line items). */
export interface PlannedReturnLine {
  fulfillmentLineItemId: string;
  quantity: number;
  returnReasonDefinitionId: string;
  /** Shopify's `RestockingFeeInput.percentage`; 0 for none. */
  restockingFeePercentage: number;
}

export interface ReturnPlan {
  orderId: string;
  /**
   * `returnCreate`: approved at once (OPEN), every auto-approval rule holds. `returnRequest`: REQUESTED, for the
   * merchant to review (`reviewCauses` says why).
   */
  mutation: "returnCreate" | "returnRequest";
  reviewCauses: ManualReviewCause[];
  resolution: Resolution;
  /** Every requested unit, taken from the shipments whose window ends first. */
  lines: PlannedReturnLine[];
  /** Shopify's exchange lines: only an approved return carries them (`ReturnRequestInput` has no such field). */
  exchangeLines: { variantId: string; quantity: number }[];
  /**
   * What the merchant reads on every line (`returnReasonNote` of an approved return, `customerNote` of a
   * request): the preference Shopify has no field for, then the shopper's note, within Shopify's length. Null
   * when there is nothing to say.
   */
  merchantNote: string | null;
  /** Charged once per return, in the order's presentment currency; null when there is none. */
  returnShippingFee: Money | null;
  /** What the returned items are worth and what the fees come to. */
  quote: ReturnQuote;
}

export type ReturnDecision = { ok: false; fieldErrors: FieldErrors } | { ok: true; plan: ReturnPlan };

// The limits the Admin schema states for `ReturnLineItemInput.returnReasonNote` and
// `ReturnRequestLineItemInput.customerNote`.
const RETURN_REASON_NOTE_MAX = 255;
const CUSTOMER_NOTE_MAX = 300;

/** Decides a shopper's return: eligibility is computed once, here, for this request. */
export function decideReturn({
  policy,
  order,
  request,
  now,
}: {
  policy: ReturnPolicy;
  order: OrderForReturn;
  request: ShopperReturnRequest;
  now: Date;
}): ReturnDecision {
  const eligibility = checkReturnEligibility(policy, order, now);
  const returnRequest = toReturnRequest(request);
  const fieldErrors = problemsToFields(validateReturnRequest(policy, returnRequest, eligibility));
  const exchange = eligibility.resolutions.includes(request.resolution)
    ? chooseExchange(request, order.exchanges)
    : null;
  if (exchange && "problem" in exchange) fieldErrors.exchangeVariantId = exchange.problem;
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const choice = exchange && "choice" in exchange ? exchange.choice : null;
  const quote = quoteReturn({ policy, order, eligibility, request: returnRequest });
  const reviewCauses = manualReviewCauses({ policy, order, eligibility, request: returnRequest, now });
  const approved = reviewCauses.length === 0;
  const lines = request.lines.flatMap((requested) => {
    const line = eligibility.lines.find((candidate) => candidate.lineItemId === requested.lineItemId);
    if (!line?.eligible) return [];
    const restocking = quote.restockingFees.find((fee) => fee.lineItemId === line.lineItemId);
    return allocateReturnUnits(line, requested.quantity).map((units) => ({
      fulfillmentLineItemId: units.fulfillmentLineItemId,
      quantity: units.quantity,
      returnReasonDefinitionId: request.reasonId,
      restockingFeePercentage: restocking?.percentage ?? 0,
    }));
  });
  const preference = preferenceNote(request.resolution, choice);
  return {
    ok: true,
    plan: {
      orderId: order.id,
      mutation: approved ? "returnCreate" : "returnRequest",
      reviewCauses,
      resolution: request.resolution,
      lines,
      // An approved return carries the exchange itself; Shopify has no field for store credit on either mutation,
      // nor for an exchange on a request, so those go in the note the merchant reads.
      exchangeLines: approved && choice ? [{ variantId: choice.variantId, quantity: choice.quantity }] : [],
      merchantNote: approved
        ? noteWithPreference(request.note, choice ? null : preference, RETURN_REASON_NOTE_MAX)
        : noteWithPreference(request.note, preference, CUSTOMER_NOTE_MAX),
      returnShippingFee: Number(quote.returnShippingFee.amount) > 0 ? quote.returnShippingFee : null,
      quote,
    },
  };
}

function toReturnRequest(request: ShopperReturnRequest): ReturnRequest {
  return {
    resolution: request.resolution,
    lines: request.lines.map((line) => ({ ...line, reasonId: request.reasonId, note: request.note })),
  };
}

/** The request problems of the eligibility service, as field errors the block shows beside each field. */
export function problemsToFields(problems: ReturnRequestProblem[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const problem of problems) {
    switch (problem.problem) {
      case "no_lines":
        fields.lines = "required";
        break;
      case "resolution_not_offered":
        fields.resolution = "not_offered";
        break;
      case "line_not_returnable":
        fields[`lines.${problem.index}.lineItemId`] = problem.reason;
        break;
      case "quantity_over_returnable":
        fields[`lines.${problem.index}.quantity`] = "over_returnable";
        break;
      case "duplicate_line":
        fields[`lines.${problem.index}.lineItemId`] = "duplicate";
        break;
      case "reason_not_offered":
        fields.reasonId = "not_offered";
        break;
      case "note_required":
        fields.note = "required";
        break;
    }
  }
  return fields;
}

// ---- Exchanges ----

/** The exchange a request asks for: the variant, how the merchant sees it, and how many units it replaces. */
export interface ExchangeChoice {
  variantId: string;
  label: string;
  quantity: number;
}

/**
 * Checks the wanted variant against the exchange options of the requested lines: one must be named (`required`),
 * it must be another variant of one of their products (`not_offered`) and for sale now (`unavailable`). Null for
 * another resolution.
 */
export function chooseExchange(
  request: Pick<ShopperReturnRequest, "resolution" | "exchangeVariantId" | "lines">,
  exchanges: ReadonlyMap<string, LineExchange>,
): { choice: ExchangeChoice } | { problem: "required" | "not_offered" | "unavailable" } | null {
  if (request.resolution !== "exchange") return null;
  if (!request.exchangeVariantId) return { problem: "required" };
  let found: { option: ExchangeOption; productTitle: string } | undefined;
  let quantity = 0;
  for (const line of request.lines) {
    const exchange = exchanges.get(line.lineItemId);
    const option = exchange?.options.find((candidate) => candidate.variantId === request.exchangeVariantId);
    if (!exchange || !option) continue;
    found ??= { option, productTitle: exchange.productTitle };
    quantity += line.quantity;
  }
  if (!found) return { problem: "not_offered" };
  if (!found.option.available) return { problem: "unavailable" };
  return {
    choice: {
      variantId: found.option.variantId,
      label: `${found.productTitle} - ${found.option.title}`,
      quantity,
    },
  };
}

/** What Shopify has no field for, written where the merchant reads the shopper's note (English, like Shopify's). */
export function preferenceNote(resolution: Resolution, exchange: ExchangeChoice | null) {
  if (resolution === "storeCredit") return "Preference: store credit";
  if (resolution === "exchange" && exchange) return `Preference: exchange for ${exchange.label}`;
  return null;
}

/** The preference, then the shopper's note, cut to the length Shopify takes. */
export function noteWithPreference(note: string | null, preference: string | null, max: number): string | null {
  const text = [preference, note].filter(Boolean).join("\n");
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
